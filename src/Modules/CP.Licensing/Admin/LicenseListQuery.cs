using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CP.Licensing.Admin.Records;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using CP.Licensing.Settings;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Paging;

namespace CP.Licensing.Admin;

/// <summary>
/// The admin Licenses list: search, status filter, order and paging, all in the database, through
/// indexes, so that it stays quick with 100,000 licenses (bench/RESULTS.md).
/// <para>
/// The search matches a license whose customer email or product name starts with the text (ASCII
/// letters in any case), whose key starts with it (with or without the key prefix, e.g.
/// <c>CP-7PR4Q8</c> or <c>7PR4Q8-VV9</c>), or, for a key fragment of 4 characters or more, whose key
/// contains it (e.g. the last group, which is all that logs show). Starts-with is one index range
/// per column (see <see cref="SearchText"/>); a fragment holding a whole group is looked up in the
/// group indexes (<see cref="LicenseConfiguration.KeyGroups"/>); a shorter one reads the key index.
/// </para>
/// </summary>
public sealed class LicenseListQuery(LicensingDbContext db, SiteDatabase database, LicensingSettingsCache settings, TimeProvider clock)
{
    public const int KeyFragmentMinLength = 4;

    /// <summary>At most this many keys are found by a fragment (a 4-character fragment matches about 2 keys in 100,000).</summary>
    public const int MaxKeyFragmentMatches = 1000;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<LicenseListPage> PageAsync(LicenseFilter filter, int? page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var today = Today;
        var search = await SearchAsync(filter, cancellationToken);
        var total = await CountAsync(search, filter.Status, today, cancellationToken);
        var pageCount = PageInfo.CountPages(total, pageSize);
        var number = PageInfo.Clamp(page, pageCount);
        if (total == 0)
        {
            return new LicenseListPage([], number, pageCount, total);
        }

        var offset = (number - 1) * pageSize;
        var source = await SourceAsync(filter.Sort, total, offset + pageSize, cancellationToken);
        // The page's ids first, then their rows: the sort carries ids, not whole rows.
        var pageIds = Order(Filter(source, search, filter.Status, today), filter.Sort).Skip(offset).Take(pageSize).Select(l => l.Id);
        var rows = await Order(db.Licenses.Where(l => pageIds.Contains(l.Id)), filter.Sort)
            .Select(l => new { l.Id, l.Key, l.CustomerId, l.CustomerEmail, l.ProductName, l.ExpiresOn, l.MaxActivations, l.ActivationsUsed, Revoked = l.RevokedAt != null, Suspended = l.SuspendedAt != null })
            .ToListAsync(cancellationToken);
        return new LicenseListPage(
            rows.ConvertAll(l => new LicenseListRow(l.Id, l.Key, l.CustomerId, l.CustomerEmail, l.ProductName, l.ExpiresOn, l.MaxActivations, l.ActivationsUsed, License.Status(l.Revoked, l.Suspended, l.ExpiresOn, today))),
            number,
            pageCount,
            total);
    }

    /// <summary>Every license the filter matches, in its order, with its environments: one query, streamed.</summary>
    public async IAsyncEnumerable<LicenseExportRow> ExportAsync(LicenseFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var search = await SearchAsync(filter, cancellationToken);
        await foreach (var row in ExportRows(Order(Filter(db.Licenses, search, filter.Status, Today), filter.Sort)).WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>The licenses <paramref name="ids"/> (the bulk action Export selected), newest first, as <see cref="ExportAsync(LicenseFilter, CancellationToken)"/> writes them.</summary>
    public IAsyncEnumerable<LicenseExportRow> ExportAsync(IReadOnlyCollection<int> ids) =>
        ExportRows(Order(db.Licenses.Where(l => ids.Contains(l.Id)), LicenseSort.IssuedDescending));

    /// <summary>
    /// Every history entry of the licenses the filter matches, by license then oldest first: one
    /// query, streamed (never loaded whole).
    /// </summary>
    public async IAsyncEnumerable<LicenseHistoryExportRow> HistoryAsync(LicenseFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var search = await SearchAsync(filter.Query, cancellationToken);
        var licenses = Filter(db.Licenses.AsNoTracking(), search, filter.Status, Today);
        var rows = db.LicenseEvents.AsNoTracking()
            .Join(licenses, e => e.LicenseId, l => l.Id, (e, l) => new { e, l.Key })
            .OrderBy(x => x.e.LicenseId).ThenBy(x => x.e.Id)
            .Select(x => new LicenseHistoryExportRow(x.Key, x.e.At, x.e.Kind, x.e.Actor, x.e.Detail))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>The ids of every license the filter matches (a bulk action over "all matching"), in one query.</summary>
    public async Task<List<int>> IdsAsync(LicenseFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var search = await SearchAsync(filter, cancellationToken);
        return await Filter(db.Licenses, search, filter.Status, Today).Select(l => l.Id).ToListAsync(cancellationToken);
    }

    private static IAsyncEnumerable<LicenseExportRow> ExportRows(IQueryable<License> licenses) =>
        licenses
            .Select(l => new LicenseExportRow(
                l.Key,
                l.CustomerEmail,
                l.ProductName,
                l.OrderNumber,
                l.IssuedAt,
                l.ExpiresOn,
                l.MaxActivations,
                l.ActivationsUsed,
                l.MatchBy,
                l.RevokedAt,
                l.SuspendedAt,
                l.RevokedBy,
                l.RevocationReason,
                l.Activations.OrderBy(a => a.Id).Select(a => new LicenseEnvironment(a.Domain, a.Ip, a.IsDevelopment)).ToList()))
            .AsAsyncEnumerable();

    /// <summary>
    /// How many licenses match. Most keys are active, and counting them one by one reads the whole
    /// status index; so Active is counted as all matches less the revoked and the expired ones,
    /// which are few and are index ranges.
    /// </summary>
    /// <summary>How many licenses are Active, Expired and Revoked today (the admin dashboard).</summary>
    public Task<LicenseCounts> CountByStatusAsync(CancellationToken cancellationToken) => CountsAsync(search: null, Today, cancellationToken);

    private async Task<int> CountAsync(Expression<Func<License, bool>>? search, LicenseStatus? status, DateOnly today, CancellationToken cancellationToken) =>
        status == LicenseStatus.Active
            ? (await CountsAsync(search, today, cancellationToken)).Active
            : await Filter(db.Licenses, search, status, today).CountAsync(cancellationToken);

    // Active is counted as all - revoked - expired: each of those three has an index to count on.
    private async Task<LicenseCounts> CountsAsync(Expression<Func<License, bool>>? search, DateOnly today, CancellationToken cancellationToken)
    {
        var all = await Filter(db.Licenses, search, null, today).CountAsync(cancellationToken);
        var revoked = await Filter(db.Licenses, search, LicenseStatus.Revoked, today).CountAsync(cancellationToken);
        var expired = await Filter(db.Licenses, search, LicenseStatus.Expired, today).CountAsync(cancellationToken);
        var suspended = await Filter(db.Licenses, search, LicenseStatus.Suspended, today).CountAsync(cancellationToken);
        return new LicenseCounts(Math.Max(0, all - revoked - expired - suspended), expired, revoked, suspended);
    }

    private static IQueryable<License> Filter(IQueryable<License> licenses, Expression<Func<License, bool>>? search, LicenseStatus? status, DateOnly today)
    {
        if (search is not null)
        {
            licenses = licenses.Where(search);
        }

        return status switch
        {
            LicenseStatus.Active => licenses.Where(l => l.RevokedAt == null && l.SuspendedAt == null && EF.Property<DateOnly>(l, LicenseConfiguration.ExpirySort) >= today),
            LicenseStatus.Expired => licenses.Where(l => l.RevokedAt == null && l.SuspendedAt == null && EF.Property<DateOnly>(l, LicenseConfiguration.ExpirySort) < today),
            LicenseStatus.Suspended => licenses.Where(l => l.RevokedAt == null && l.SuspendedAt != null),
            LicenseStatus.Revoked => licenses.Where(l => l.RevokedAt != null),
            _ => licenses,
        };
    }

    private static IQueryable<License> Order(IQueryable<License> licenses, LicenseSort sort) => sort switch
    {
        LicenseSort.IssuedAscending => licenses.OrderBy(l => l.Id),
        LicenseSort.ExpiryAscending => licenses.OrderBy(l => EF.Property<DateOnly>(l, LicenseConfiguration.ExpirySort)).ThenBy(l => l.Id),
        LicenseSort.ExpiryDescending => licenses.OrderByDescending(l => EF.Property<DateOnly>(l, LicenseConfiguration.ExpirySort)).ThenByDescending(l => l.Id),
        _ => licenses.OrderByDescending(l => l.Id),
    };

    /// <summary>
    /// Where the page query reads from. A walk in list order reads about
    /// <c>rowsNeeded * tableRows / total</c> rows to fill the page; reading the matches through an
    /// index and sorting them costs about <c>total</c>. On SQLite the cheaper one is spelled out.
    /// </summary>
    private async Task<IQueryable<License>> SourceAsync(LicenseSort sort, int total, int rowsNeeded, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return db.Licenses;
        }

        var tableRows = await db.Licenses.MaxAsync(l => (int?)l.Id, cancellationToken) ?? 0;
        var walk = (long)rowsNeeded * tableRows / total;
        if (walk > total)
        {
            return db.Licenses;
        }

        return db.Licenses.FromSqlRaw(sort is LicenseSort.ExpiryAscending or LicenseSort.ExpiryDescending ? LicenseSql.ReadInExpiryOrder : LicenseSql.ReadInIdOrder);
    }

    /// <summary>
    /// Keys near their limit (<see cref="LicenseFilter.NearLimitPercent"/>): not revoked, not unlimited,
    /// Activations Used at least that share of Max Activations (whole numbers: no rounding).
    /// </summary>
    public static readonly Expression<Func<License, bool>> NearLimit =
        l => l.RevokedAt == null && l.MaxActivations > 0 && l.ActivationsUsed * 100 >= l.MaxActivations * LicenseFilter.NearLimitPercent;

    /// <summary>The filter's search and its near-limit condition as one condition (null: neither).</summary>
    private async Task<Expression<Func<License, bool>>?> SearchAsync(LicenseFilter filter, CancellationToken cancellationToken)
    {
        var search = await SearchAsync(filter.Query, cancellationToken);
        return !filter.NearLimit ? search : search is null ? NearLimit : And(search, NearLimit);
    }

    /// <summary>The search as a condition (null: no search). See the class summary for what matches.</summary>
    private async Task<Expression<Func<License, bool>>?> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var text = SearchText.Normalize(query, LicenseFilter.MaxQueryLength);
        if (text is null)
        {
            return null;
        }

        var terms = new List<Expression<Func<License, bool>>>
        {
            StartsWith(LicenseConfiguration.SearchEmail, text),
            StartsWith(LicenseConfiguration.SearchProduct, text),
        };
        var prefix = (await settings.GetAsync(cancellationToken)).Prefix + "-";
        if (text.StartsWith(prefix, StringComparison.Ordinal))
        {
            terms.Add(KeyStartsWith(text));
        }
        else if (IsKeyFragment(text))
        {
            terms.Add(KeyStartsWith(prefix + text));
            if (text.Length >= KeyFragmentMinLength && await KeysContainingAsync(text, cancellationToken) is { Count: > 0 } ids)
            {
                terms.Add(l => ids.Contains(l.Id));
            }
        }

        return terms.Aggregate(Or);
    }

    /// <summary>
    /// The ids of the keys that contain <paramref name="fragment"/>. A fragment holding a whole group
    /// (six characters between dashes or its ends) looks that group up in the five group indexes;
    /// a shorter fragment reads the key index.
    /// </summary>
    private async Task<List<int>> KeysContainingAsync(string fragment, CancellationToken cancellationToken)
    {
        var runs = fragment.Split('-');
        if (runs.Any(r => r.Length > LicenseKeys.GroupLength))
        {
            return [];
        }

        var containing = db.Licenses.Where(l => l.Key.Contains(fragment));
        if (runs.FirstOrDefault(r => r.Length == LicenseKeys.GroupLength) is { } group)
        {
            containing = containing.Where(LicenseConfiguration.KeyGroups.Select(column => (Expression<Func<License, bool>>)(l => EF.Property<string>(l, column) == group)).Aggregate(Or));
        }

        return await containing.Select(l => l.Id).Take(MaxKeyFragmentMatches).ToListAsync(cancellationToken);
    }

    /// <summary>Characters of the key alphabet and dashes only: could be part of a key after its prefix.</summary>
    private static bool IsKeyFragment(string text) => text.All(c => c == '-' || LicenseKeys.Alphabet.Contains(c, StringComparison.Ordinal));

    private static Expression<Func<License, bool>> StartsWith(string column, string prefix)
    {
        var upperBound = SearchText.UpperBound(prefix);
        return upperBound is null
            ? l => string.Compare(EF.Property<string>(l, column), prefix) >= 0
            : l => string.Compare(EF.Property<string>(l, column), prefix) >= 0 && string.Compare(EF.Property<string>(l, column), upperBound) < 0;
    }

    private static Expression<Func<License, bool>> KeyStartsWith(string prefix)
    {
        var upperBound = SearchText.UpperBound(prefix)!;
        return l => string.Compare(l.Key, prefix) >= 0 && string.Compare(l.Key, upperBound) < 0;
    }

    private static Expression<Func<License, bool>> And(Expression<Func<License, bool>> left, Expression<Func<License, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = new ParameterReplacer(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<License, bool>>(Expression.AndAlso(left.Body, body), parameter);
    }

    private static Expression<Func<License, bool>> Or(Expression<Func<License, bool>> left, Expression<Func<License, bool>> right)
    {
        var parameter = left.Parameters[0];
        var body = new ParameterReplacer(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<License, bool>>(Expression.OrElse(left.Body, body), parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
