using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Reports;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Publication;

/// <summary>The tables of the public site (migration 0020): what coordinators marked public.</summary>
internal static class PublicationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PublishedResult>(e =>
        {
            e.ToTable("published_report_results");
            e.HasKey(x => x.ReportId);
            e.Property(x => x.ReportId).ValueGeneratedNever();
            e.Property(x => x.MarkedBy).HasMaxLength(256);
            e.HasOne<UnitReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PublishedAttachment>(e =>
        {
            e.ToTable("published_report_attachments");
            e.HasKey(x => x.AttachmentId);
            e.Property(x => x.AttachmentId).ValueGeneratedNever();
            e.Property(x => x.MarkedBy).HasMaxLength(256);
            e.HasOne<ReportAttachment>().WithMany().HasForeignKey(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
