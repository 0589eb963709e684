// Account input schemas, shared by the sign-up/sign-in forms and the server.
import { z } from "zod";
import { zText } from "./text";

export const ZEmail = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const ZPassword = z
  .string({ error: "Enter a password." })
  .min(10, { error: "Use at least 10 characters for your password." })
  .max(200, { error: "Passwords can be at most 200 characters long." });

export const ZSignUpInput = z.object({
  name: zText({ error: "Enter your name." })
    .trim()
    .min(1, { error: "Enter your name." })
    .max(100, { error: "Names can be at most 100 characters long." }),
  email: ZEmail,
  password: ZPassword,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;
