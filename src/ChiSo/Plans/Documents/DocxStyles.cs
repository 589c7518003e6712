using DocumentFormat.OpenXml.Wordprocessing;
using static ChiSo.Plans.Documents.DocxElements;

namespace ChiSo.Plans.Documents;

/// <summary>
/// Document defaults and the Normal style: Times New Roman for every script slot (eastAsia and cs too, or Word
/// falls back to another font for some Vietnamese letters), 14 pt, line spacing 1.15, Vietnamese proofing.
/// </summary>
internal static class DocxStyles
{
    public static Styles Build() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(),
                new FontSize { Val = HalfPoints(BodySize) },
                new FontSizeComplexScript { Val = HalfPoints(BodySize) },
                new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(Fonts(), new FontSize { Val = HalfPoints(BodySize) }, new FontSizeComplexScript { Val = HalfPoints(BodySize) }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        },
        new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new StyleTableProperties(new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table,
            StyleId = "TableNormal",
            Default = true,
        });
}
