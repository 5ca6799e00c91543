import { z } from 'zod';
import { FACTOR_FORMATS } from '../units/factor.ts';

export const DEFAULT_ABOUT_TEXT =
  'These time records capture personal project work done with Claude Code (Anthropic) only. ' +
  'They do not include work done with other models or tools. Client work is also excluded. ' +
  'The actual total AI-assisted output for any given day is higher than what appears here.';

/** A redaction profile: private name → public phrase, applied to exported posts only (issue 8). */
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
  /** On days that mix coding agents, the post names each task's agent(s) after its title. */
  postAgentPerTask: z.boolean(),
};

export const settingsSchema = z.object(settingFields);
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** A change to some settings; unknown keys are an error, not silently dropped. */
export const settingsPatchSchema = z.strictObject(settingFields).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  authorLine: '',
  aboutText: DEFAULT_ABOUT_TEXT,
  footer: '',
  agentLabel: 'Claude',
  factorFormat: 'series',
  frontMatter: false,
  defaultWorkstreams: [],
  globalShortcut: 'CommandOrControl+Shift+L',
  theme: 'system',
  launchAtLogin: false,
  closeToTray: true,
  backupsToKeep: 14,
  redactionProfiles: [],
  activeRedactionProfile: null,
  postAgentPerTask: false,
};

export const SETTING_KEYS = Object.keys(settingFields) as SettingKey[];
