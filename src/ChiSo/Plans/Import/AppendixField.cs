namespace ChiSo.Plans.Import;

/// <summary>What a column of the appendix holds.</summary>
public enum AppendixField
{
    Ignore,

    /// <summary>STT / TT / Thứ tự: "1", "1.1", "I".</summary>
    Code,

    /// <summary>The index component or sub-dimension the task serves (Chỉ số nội dung, Tiêu chí…).</summary>
    Node,

    /// <summary>The task itself (Nhiệm vụ, giải pháp).</summary>
    Content,

    Target,
    Lead,
    Partners,
    Executing,
    Time,
    Output,
}
