namespace IpWarehouse.Etl.Demo.Internal;

/// The region evidence a patent or trademark row carries, in the mix real registers show: mostly a full
/// address, sometimes a given code (6 or 12 digits), a short address, one that stops at the city, or no
/// address at all but a credit code whose area digits name the county.
internal static class Evidence
{
    /// (address, region code, credit code) as an export carries them.
    public static (string? Address, string? RegionCode, string? CreditCode) For(Party party, DemoRandom random)
    {
        var credit = party.CreditCode is not null && random.Chance(0.85) ? party.CreditCode : null;
        var roll = random.NextDouble();
        if (roll < 0.10)
        {
            // Some exports carry the statistical 12-digit code.
            var code = random.Chance(0.2) ? party.County.Code + "000000" : party.County.Code;
            return (Addresses.Full(party), code, credit);
        }
        if (roll < 0.13 && party.CreditCode is not null && party.CreditCodeNamesCounty)
        {
            return (null, null, party.CreditCode);
        }
        if (roll < 0.21)
        {
            return (Addresses.CityOnly(party, random), null, credit);
        }
        if (roll < 0.37)
        {
            return (Addresses.Short(party, random), null, credit);
        }
        return (Addresses.Full(party), null, credit);
    }
}
