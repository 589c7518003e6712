namespace ChiSo.Bench.Http.Bare;

// The JSON shapes of ChiSo's /api/v1 answers, written out again so the bare server shares no code with ChiSo.
// Property order and names must match ChiSo.Web.Api's records: the run compares the bodies byte for byte.

public sealed record ScoreDto(decimal? Score, int? Rank, int? Group, string? Source, string? RankSource, string? GroupSource, decimal? SelfAssessed);

public sealed record WarningDto(string Node, string Message, decimal? FileValue, decimal? ComputedValue);

public sealed record UnitResultDto(
    string UnitCode, string UnitName, bool Scored, ScoreDto? Aggregate, IReadOnlyDictionary<string, ScoreDto> Nodes,
    decimal? AggregateChange, int? RankChange, IReadOnlyList<WarningDto> Warnings);

public sealed record YearResultsDto(string Framework, int Year, bool Illustrative, IReadOnlyList<UnitResultDto> Units);

public sealed record LostPointDto(string Node, string NameVi, string NameEn, decimal Max, decimal Score, decimal Lost, decimal GapToBest);

public sealed record TrendDto(int Year, string Framework, decimal? Aggregate, decimal Max, int? Rank, int? Group, int Ranked);

public sealed record DimensionDto(string Node, string NameVi, decimal Max, decimal? Score, decimal? Mean, decimal? Median, decimal? Best, int? Rank, int? Group);

public sealed record ProfileDto(
    string UnitCode, string UnitName, string Framework, int Year, bool Illustrative, bool Scored, decimal? Aggregate, int? Rank, int? Group, int Ranked,
    IReadOnlyList<TrendDto> Trend, IReadOnlyList<DimensionDto> Dimensions, IReadOnlyList<LostPointDto> LostPoints,
    int? NextGroup, decimal? PointsToNextGroup, int? NextRank, decimal? PointsToNextRank);

// The report API's shapes (ChiSo.Web.Api.ReportEndpoints), in the same order: the driver finds "revision":1, followed by "state".

public sealed record BareEvidenceDto(string? Number, DateOnly? Date, string? Issuer, string? Title);

public sealed record BareReportBody(string? Status, DateOnly? CompletedOn, decimal? AchievedValue, string? Result, IReadOnlyList<BareEvidenceDto>? Evidence,
    string? Difficulties, string? Proposals, int Revision);

public sealed record BareStepBody(int Revision, string? Comment, string? Reason);

public sealed record BareReportEventDto(string Action, string? From, string To, string By, DateTimeOffset At, string? Comment);

public sealed record BareReportDto(string? Status, DateOnly? CompletedOn, decimal? AchievedValue, string? Result, IReadOnlyList<BareEvidenceDto> Evidence,
    string? Difficulties, string? Proposals, int Revision, string? State, bool Late, DateOnly DueDate, DateTimeOffset? SubmittedAt,
    IReadOnlyList<BareReportEventDto> History, IReadOnlyList<object> Attachments, IReadOnlyList<object> Contributions);
