namespace ChiSo.Reporting.Consolidation;

/// <summary>One dimension's paragraph of the results: the heading's code ("" for the tasks under none), its title, the text.</summary>
public sealed record NarrativeSection(string Code, string Title, string Text);

/// <summary>The parts of a narrative, drafted or saved; a "\n" inside a part starts a new paragraph.</summary>
public sealed record NarrativeText(string Opening, string Summary, IReadOnlyList<NarrativeSection> Results, string Difficulties, string Proposals);
