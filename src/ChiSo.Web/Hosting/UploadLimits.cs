using ChiSo.Intake;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// The bounds of every upload (<see cref="IntakeLimits"/>, configuration section <c>Uploads</c>), read and validated
/// once at start: a setting that makes no sense stops the app with its name rather than surfacing on the first upload.
/// The web host's request-body limits follow <see cref="IntakeLimits.MaxFileBytes"/>.
/// </summary>
internal static class UploadLimits
{
    public static IntakeLimits Read(IConfiguration configuration)
    {
        var limits = new IntakeLimits();
        configuration.GetSection(IntakeLimits.Section).Bind(limits);
        var problems = limits.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(IntakeLimits.Section, typeof(IntakeLimits), problems);
        }

        return limits;
    }
}
