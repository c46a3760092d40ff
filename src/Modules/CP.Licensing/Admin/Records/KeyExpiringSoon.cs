namespace CP.Licensing.Admin.Records;

/// <summary>A working key whose expiry is near (the admin dashboard): the date, and the days left from today.</summary>
public sealed record KeyExpiringSoon(int Id, string Key, string CustomerEmail, string ProductName, DateOnly ExpiresOn, int DaysLeft);
