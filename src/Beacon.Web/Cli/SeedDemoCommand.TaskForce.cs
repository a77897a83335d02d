using Beacon.Core.Accounts;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli;

public sealed partial class SeedDemoCommand
{
    /// <summary>"Placer" for "placer": demo display names only.</summary>
    private static string CountyLabel(string county) => char.ToUpperInvariant(county[0]) + county[1..];

    private sealed partial class Seeder
    {
        /// <summary>
        /// The county's task-force coordinator, an Analyst who opens the figures at /figures. In an agency of its own
        /// rather than child welfare: the coordinator works for the whole task force, and an analyst counted as child
        /// welfare staff would show in that agency's staff lists and make its figures look like the agency's own.
        /// </summary>
        private async Task TaskForceAsync(string county, CancellationToken ct)
        {
            var taskForce = await FindOrAddAgencyAsync(county, "Demo Task Force", "Task force coordination (demo)", ct);
            await UserAsync(taskForce, $"{county}-task-force-analyst", $"Demo Task Force Analyst ({CountyLabel(county)})", Roles.Analyst);
        }

        /// <summary>
        /// The agencies the volume spreads its screens over besides the base demo's, each with a reporter who screens
        /// and a supervisor. Idempotent: an agency or account already there is kept (its password is not shown again).
        /// </summary>
        public async Task VolumeAgenciesAsync(string county, CancellationToken ct)
        {
            var label = CountyLabel(county);
            var school = await FindOrAddAgencyAsync(county, "Demo School District", "School district (demo)", ct);
            await UserIfMissingAsync(school, $"{county}-school-counselor", $"Demo School Counselor ({label})", Roles.Reporter, ct);
            await UserIfMissingAsync(school, $"{county}-school-supervisor", $"Demo Head Counselor ({label})", Roles.Supervisor, ct);
            var clinic = await FindOrAddAgencyAsync(county, "Demo Health Clinic", "Health clinic (demo)", ct);
            await UserIfMissingAsync(clinic, $"{county}-clinic-nurse", $"Demo Clinic Nurse ({label})", Roles.Reporter, ct);
            await UserIfMissingAsync(clinic, $"{county}-clinic-supervisor", $"Demo Clinic Supervisor ({label})", Roles.Supervisor, ct);
            var police = await FindOrAddAgencyAsync(county, "Demo Law Enforcement", "Law enforcement (demo)", ct);
            await UserIfMissingAsync(police, $"{county}-police-officer", $"Demo Officer ({label})", Roles.Reporter, ct);
            await UserIfMissingAsync(police, $"{county}-police-sergeant", $"Demo Sergeant ({label})", Roles.Supervisor, ct);
        }

        private async Task UserIfMissingAsync(Agency agency, string local, string displayName, string role, CancellationToken ct)
        {
            var normalised = $"{local}@{EmailDomain}".ToUpperInvariant();
            if (!await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, ct))
            {
                await UserAsync(agency, local, displayName, role);
            }
        }
    }
}
