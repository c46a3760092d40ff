namespace CP.Downloads.ViewModels;

/// <summary>The upload form's text fields as posted (kept when a refusal shows the form again).</summary>
public sealed class ReleaseUploadViewModel
{
    public string? Version { get; set; }

    public string? Notes { get; set; }

    public bool Published { get; set; }
}
