using System.Globalization;
using Npgsql;

namespace ChiSo.Bench.Http.Reports;

/// <summary>
/// CPU time PostgreSQL spent for one server: the backends of the run's database whose connections carry that server's
/// application name (pg_stat_activity), summed from /proc (user + system). A write workload spends much of its time in
/// the database, which the app's own CPU does not show; the other clusters on the machine are not counted.
/// </summary>
internal static class PostgresCpu
{
    private const double TicksPerSecond = 100; // Linux USER_HZ

    public static async Task<TimeSpan> ReadAsync(NpgsqlDataSource database, string application)
    {
        var pids = new List<int>();
        await using (var command = database.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1"))
        {
            command.Parameters.AddWithValue(application);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        long ticks = 0;
        foreach (var pid in pids)
        {
            try
            {
                // Fields after the command name in parentheses: state is the 3rd, utime the 14th and stime the 15th.
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The backend ended between the query and the read.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
