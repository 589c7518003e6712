-- 0006: the last accepted authenticator time step per user, so a two-factor code cannot be used twice.
-- Written to match the EF Core model (db script postgres); edit only by adding new scripts.

CREATE TABLE authenticator_steps (
    "UserId" text NOT NULL,
    "LastStep" bigint NOT NULL,
    CONSTRAINT "PK_authenticator_steps" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_authenticator_steps_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
