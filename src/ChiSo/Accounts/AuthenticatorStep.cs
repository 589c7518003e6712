namespace ChiSo.Accounts;

/// <summary>
/// The last authenticator time step (30-second window since 1970) a user's code was accepted for. A code is valid for
/// a few steps; remembering the last one, in the database, refuses a replayed code after a restart and on every app
/// instance. Its own table rather than a column of the user row, so that Identity's whole-row updates of a user loaded
/// earlier can never write an older step back.
/// </summary>
public sealed class AuthenticatorStep
{
    public required string UserId { get; set; }
    public long LastStep { get; set; }
}
