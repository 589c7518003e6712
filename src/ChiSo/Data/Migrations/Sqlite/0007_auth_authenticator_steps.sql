-- 0006: the last accepted authenticator time step per user, so a two-factor code cannot be used twice.
-- Written to match the EF Core model (db script sqlite); edit only by adding new scripts.

CREATE TABLE "authenticator_steps" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_authenticator_steps" PRIMARY KEY,
    "LastStep" INTEGER NOT NULL,
    CONSTRAINT "FK_authenticator_steps_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
