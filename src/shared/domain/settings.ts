import { z } from 'zod';
import { FACTOR_FORMATS } from '../units/factor.ts';

// Defaults and the stores' zod-free checks live beside (settingsCheck.ts); they are the settings' too.
export { DEFAULT_ABOUT_TEXT, DEFAULT_SETTINGS, SETTING_KEYS } from './settingsCheck.ts';

/** A redaction profile: private name → public phrase, applied to exported posts, articles and facts only. */
export const redactionProfileSchema = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(100),
  aliases: z
    .array(
      z.object({
        from: z.string().trim().min(1, { error: 'is required' }).max(200),
        // A "|" or a line break in a replacement would break the post's markdown tables.
        to: z.string().max(200).regex(/^[^|\r\n]*$/, { error: 'cannot contain "|" or line breaks' }),
      }),
    )
    .max(1000),
});
export type RedactionProfileSetting = z.infer<typeof redactionProfileSchema>;

/** Every user setting. Stored one row per key in the settings table, as JSON. */
export const settingFields = {
  authorLine: z.string().max(10_000),
  aboutText: z.string().max(10_000),
  footer: z.string().max(10_000),
  agentLabel: z.string().trim().min(1, { error: 'is required' }).max(40),
  factorFormat: z.enum(FACTOR_FORMATS),
  frontMatter: z.boolean(),
  defaultWorkstreams: z.array(z.string().trim().min(1).max(200)).max(200),
  globalShortcut: z.string().max(100),
  theme: z.enum(['system', 'light', 'dark']),
  launchAtLogin: z.boolean(),
  /** Closing the main window hides it; the app keeps running in the tray until Quit. */
  closeToTray: z.boolean(),
  backupsToKeep: z.number().int().min(1).max(365),
  redactionProfiles: z
    .array(redactionProfileSchema)
    .max(50)
    .refine((profiles) => new Set(profiles.map((profile) => profile.name)).size === profiles.length, { error: 'profile names must be unique' }),
  activeRedactionProfile: z.string().max(100).nullable(),
  /** The cap on one gap of the person's measured time from the agent logs (docs/agent-time.md), minutes. */
  supervisionGapMinutes: z.number().int().min(1).max(240),
};

export const settingsSchema = z.object(settingFields);
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** A change to some settings; unknown keys are an error, not silently dropped. */
export const settingsPatchSchema = z.strictObject(settingFields).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
