using CP.Commerce.Plans;

namespace CP.Commerce.ViewModels;

/// <summary>One extension's section of the plan editor and its model.</summary>
public sealed record PlanEditorSectionViewModel(IPlanEditorExtension Extension, object Model);
