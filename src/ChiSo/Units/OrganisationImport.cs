using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Intake;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Units;

/// <summary>What an organisations import did, or why it did nothing (the first 200 problems and how many more).</summary>
public sealed record OrganisationImportOutcome(int Added, int Updated, int Unchanged, IReadOnlyList<Problem> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Loads a province's organisations into the registry: its communes from the shipped administrative-unit lists, and its
/// departments and other bodies from a CSV or Excel sheet (<c>code,name,type,parent_code,valid_from,valid_to</c>), read
/// by <see cref="IntakeReader"/>. Re-importing is idempotent: units are matched by (province, kind, code), changed names
/// are updated, nothing is duplicated. One unit of work per import, with its audit row.
/// </summary>
public sealed class OrganisationImport(ChiSoDbContext db, AuditLog audit, UnitOfWork work, DepartmentHistoryImport history, IntakeLimits? limits = null)
{
    public static readonly string[] Columns = ["code", "name", "type", "parent_code", "valid_from", "valid_to"];

    public async Task<OrganisationImportOutcome> ImportCommunesAsync(string provinceCode, Actor actor, CancellationToken cancellationToken = default)
    {
        var province = await CurrentProvinceAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return Fail(Problem.Invalid("province", $"Không có tỉnh mã '{provinceCode}'.", $"No province with code '{provinceCode}'."));
        }

        var rows = ProvinceReference.CommunesOf(provinceCode, after2025: true)
            .Select(c => new Row(c.Code, c.FullName, UnitKind.Commune, null, ReorganisationDates.FirstDayOf34Provinces, null, c.NameEn))
            .ToList();
        return await SaveAsync(province, rows, actor, "units.import-communes", cancellationToken);
    }

    /// <summary>
    /// A province's three-tier history from the 63-province list: its districts and their communes, both ending on
    /// 30 June 2025. Plans and results before the reorganisation keep pointing at the units that existed then.
    /// </summary>
    public async Task<OrganisationImportOutcome> ImportHistoricCommunesAsync(string provinceCode, Actor actor, CancellationToken cancellationToken = default)
    {
        var province = (await db.Units.Where(u => u.Kind == UnitKind.Province && u.Code == provinceCode).ToListAsync(cancellationToken))
            .FirstOrDefault(u => u.IsValidOn(ReorganisationDates.LastDayOf63Provinces));
        var communes = ProvinceReference.CommunesOf(provinceCode, after2025: false);
        if (province is null || communes.Count == 0)
        {
            return Fail(Problem.Invalid("province", $"Không có tỉnh mã '{provinceCode}' trong danh mục 63 tỉnh.", $"No province with code '{provinceCode}' among the 63 provinces."));
        }

        var end = ReorganisationDates.LastDayOf63Provinces;
        var rows = communes
            .Where(c => c.DistrictCode is not null)
            .GroupBy(c => c.DistrictCode!, StringComparer.Ordinal)
            .Select(g => new Row(g.Key, g.First().DistrictName!, UnitKind.District, null, null, end, null))
            .Concat(communes.Select(c => new Row(c.Code, c.FullName, UnitKind.Commune, c.DistrictCode, null, end, null)))
            .ToList();
        return await SaveAsync(province, rows, actor, "units.import-historic-communes", cancellationToken);
    }

    /// <summary>
    /// The departments as they stood before Decree 45/2025/NĐ-CP (until 28 February 2025), each linked to its successor,
    /// for today's province and each province it was formed from; see <see cref="DepartmentHistoryImport"/>.
    /// </summary>
    public Task<Common.Outcome<DepartmentHistoryOutcome>> ImportDepartmentHistoryAsync(string provinceCode, Actor actor, CancellationToken cancellationToken = default) =>
        history.ImportAsync(provinceCode, actor, cancellationToken);


    public Task<OrganisationImportOutcome> ImportCsvAsync(string provinceCode, string csv, Actor actor, CancellationToken cancellationToken = default) =>
        ImportFileAsync(provinceCode, IntakeFile.FromText(csv, "units.csv"), actor, cancellationToken);

    /// <summary>
    /// Imports the bodies listed in a CSV or Excel file. Every column of a row matters, so a CSV row with fewer cells
    /// than the header is refused rather than padded.
    /// </summary>
    public async Task<OrganisationImportOutcome> ImportFileAsync(string provinceCode, IntakeFile file, Actor actor, CancellationToken cancellationToken = default)
    {
        var province = await CurrentProvinceAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return Fail(Problem.Invalid("province", $"Không có tỉnh mã '{provinceCode}'.", $"No province with code '{provinceCode}'."));
        }

        var errors = new ProblemCollector();
        var table = IntakeReader.ReadTable(file, IntakeFormats.Csv | IntakeFormats.Spreadsheets, limits ?? IntakeLimits.Default, errors);
        if (table is null)
        {
            return new OrganisationImportOutcome(0, 0, 0, errors.ToList());
        }

        if (table.Rows.Count < 2)
        {
            return Fail(Problem.File("Tệp không có dòng dữ liệu nào.", "The file has no data rows."));
        }

        var header = table.Header.Cells.Select(h => VietnameseText.Normalize(h.Text).ToLowerInvariant()).ToList();
        foreach (var missing in new[] { "code", "name", "type" }.Where(c => !header.Contains(c)))
        {
            errors.Add(Problem.AtRow(1, missing, $"Thiếu cột '{missing}'.", $"The header lacks the column '{missing}'.", ProblemCodes.Required));
        }

        if (errors.Any)
        {
            return new OrganisationImportOutcome(0, 0, 0, errors.ToList());
        }

        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in table.DataRows)
        {
            var number = record.Number;
            string Field(string column) => header.IndexOf(column) is var at and >= 0 ? VietnameseText.Normalize(record.Cell(at)) : "";
            if (record.IsBlank || ShortRows.Check(table.Header, record, errors))
            {
                continue;
            }

            var code = Field("code");
            var name = Field("name");
            if (code.Length == 0)
            {
                errors.Add(Problem.AtRow(number, "code", "Thiếu mã đơn vị.", "The unit code is missing.", ProblemCodes.Required));
            }
            else if (!seen.TryAdd(code, number))
            {
                errors.Add(Problem.AtRow(number, "code", $"Mã '{code}' trùng với dòng {seen[code]}.", $"Code '{code}' repeats row {seen[code]}.", ProblemCodes.Duplicate));
            }

            if (name.Length == 0)
            {
                errors.Add(Problem.AtRow(number, "name", "Thiếu tên đơn vị.", "The unit name is missing.", ProblemCodes.Required));
            }

            var kind = ParseKind(Field("type"));
            if (kind is null)
            {
                errors.Add(Problem.AtRow(number, "type", $"Loại '{Field("type")}' không hợp lệ: dùng so, trung-uong, su-nghiep, doanh-nghiep, doan-the, xa.",
                    $"Unknown type '{Field("type")}': use department, central, public-service, company, mass-organisation, commune."));
            }

            var from = Date(number, "valid_from", Field("valid_from"), errors);
            var to = Date(number, "valid_to", Field("valid_to"), errors);
            if (from is not null && to is not null && to < from)
            {
                errors.Add(Problem.AtRow(number, "valid_to", "Ngày hết hiệu lực trước ngày bắt đầu.", "valid_to is before valid_from."));
            }

            if (kind is not null && code.Length > 0 && name.Length > 0)
            {
                rows.Add(new Row(code, name, kind.Value, Field("parent_code") is { Length: > 0 } p ? p : null, from, to, null));
            }
        }

        var codes = rows.GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => r.ParentCode is not null && !seen.ContainsKey(r.ParentCode)))
        {
            errors.Add(Problem.AtRow(seen[row.Code], "parent_code", $"Đơn vị cha '{row.ParentCode}' không có trong tệp.", $"Parent '{row.ParentCode}' is not in the file."));
        }

        foreach (var row in rows.Where(r => HasCycle(r, codes)))
        {
            errors.Add(Problem.AtRow(seen[row.Code], "parent_code", $"'{row.Code}' tạo thành vòng lặp đơn vị cha.", $"'{row.Code}' is part of a parent cycle."));
        }

        return errors.Any ? new OrganisationImportOutcome(0, 0, 0, errors.ToList()) : await SaveAsync(province, rows, actor, "units.import-csv", cancellationToken);
    }

    private sealed record Row(string Code, string Name, UnitKind Kind, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo, string? NameEn);

    private async Task<OrganisationImportOutcome> SaveAsync(Unit province, IReadOnlyList<Row> rows, Actor actor, string action, CancellationToken cancellationToken)
    {
        var outcome = await work.RunAsync(async ct =>
        {
            var existing = await db.Units.InProvince(province.Id).ToListAsync(ct);
            // A province that was not merged holds communes of both eras, and the new list reuses old codes: the era is
            // part of the key, so importing one era never overwrites the other.
            var byKey = existing.ToDictionary(u => (u.Kind, u.Code, Historic(u.ValidTo)));
            int added = 0, updated = 0, unchanged = 0;
            var saved = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                if (byKey.TryGetValue((row.Kind, row.Code, Historic(row.ValidTo)), out var unit))
                {
                    var changed = unit.FullName != row.Name || unit.ValidFrom != row.ValidFrom || unit.ValidTo != row.ValidTo;
                    unit.Name = ProvinceReference.StripUnitType(row.Name);
                    unit.FullName = row.Name;
                    unit.NameEn = row.NameEn ?? unit.NameEn;
                    unit.ValidFrom = row.ValidFrom;
                    unit.ValidTo = row.ValidTo;
                    if (changed)
                    {
                        updated++;
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                else
                {
                    unit = new Unit { Code = row.Code, Kind = row.Kind, Name = ProvinceReference.StripUnitType(row.Name), FullName = row.Name, NameEn = row.NameEn, ValidFrom = row.ValidFrom, ValidTo = row.ValidTo, ParentId = province.Id };
                    db.Units.Add(unit);
                    added++;
                }

                saved[row.Code] = unit;
            }

            // New units need their ids before their children can point at them.
            await db.SaveChangesAsync(ct);
            foreach (var row in rows.Where(r => r.ParentCode is not null))
            {
                saved[row.Code].ParentId = saved[row.ParentCode!].Id;
            }

            audit.Record(actor, action, nameof(Unit), province.Code, newValues: new { added, updated, unchanged });
            return Outcome.Ok(new OrganisationImportOutcome(added, updated, unchanged, []));
        }, cancellationToken);
        return outcome.Succeeded ? outcome.Value! : new OrganisationImportOutcome(0, 0, 0, outcome.Problems);
    }

    private static bool Historic(DateOnly? validTo) => validTo is { } to && to <= ReorganisationDates.LastDayOf63Provinces;

    private async Task<Unit?> CurrentProvinceAsync(string code, CancellationToken cancellationToken) =>
        (await db.Units.Where(u => u.Kind == UnitKind.Province && u.Code == code).ToListAsync(cancellationToken))
            .FirstOrDefault(u => u.ValidTo is null);

    private static bool HasCycle(Row row, Dictionary<string, Row> rows)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { row.Code };
        var parent = row.ParentCode;
        while (parent is not null)
        {
            if (!seen.Add(parent))
            {
                return true;
            }

            parent = rows.GetValueOrDefault(parent)?.ParentCode;
        }

        return false;
    }

    private static UnitKind? ParseKind(string text) => VietnameseText.Fold(text) switch
    {
        "so" or "department" or "so ban nganh" or "ban" => UnitKind.Department,
        "trung uong" or "central" or "co quan trung uong" => UnitKind.CentralAgency,
        "su nghiep" or "public service" or "don vi su nghiep" => UnitKind.PublicService,
        "doanh nghiep" or "company" or "doanh nghiep nha nuoc" => UnitKind.StateCompany,
        "doan the" or "mass organisation" or "mass organization" => UnitKind.MassOrganisation,
        "xa" or "commune" or "phuong" => UnitKind.Commune,
        "khac" or "other" => UnitKind.Other,
        _ => null,
    };

    private static DateOnly? Date(int row, string column, string text, ProblemCollector errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(Problem.AtRow(row, column, $"Ngày '{text}' không hợp lệ (dd/MM/yyyy).", $"Date '{text}' is not valid (dd/MM/yyyy or yyyy-MM-dd)."));
        return null;
    }

    private static OrganisationImportOutcome Fail(Problem problem) => new(0, 0, 0, [problem]);
}
