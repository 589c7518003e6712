using ChiSo.Plans;

namespace ChiSo.Web.Pages.Plans;

/// <summary>An action waiting on the confirmation step: the handler that runs it, how the step is titled, and the values to post again.</summary>
public sealed record PendingAction(string Handler, Sentence Title, Sentence Button, string ButtonClass)
{
    public static PendingAction Issue { get; } = new("Issue", new("Xác nhận ban hành", "Confirm issuing"), new("Xác nhận ban hành", "Issue it"), "btn-success");
    public static PendingAction Close { get; } = new("Close", new("Xác nhận đóng kế hoạch", "Confirm closing the plan"), new("Xác nhận đóng kế hoạch", "Close it"), "btn-dark");
    public static PendingAction DeleteTask { get; } = new("DeleteTask", new("Xác nhận xóa nhiệm vụ", "Confirm deleting the task"), new("Xác nhận xóa nhiệm vụ", "Delete the task"), "btn-danger");
    public static PendingAction DeletePlan { get; } = new("DeletePlan", new("Xác nhận xóa dự thảo", "Confirm deleting the draft"), new("Xác nhận xóa dự thảo", "Delete the draft"), "btn-danger");

    public PlanConfirmation Check { get; init; } = null!;
    public IReadOnlyList<(string Name, string Value)> Fields { get; init; } = [];
}
