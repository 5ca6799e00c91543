import { FACTOR_FORMATS } from '../units/factor.ts';
import { array, boolean, nullable, number, object, oneOf, run, string, type Check } from './lightCheck.ts';
import type { SettingKey, Settings, SettingsPatch } from './settings.ts';

export const DEFAULT_ABOUT_TEXT =
  'These time records capture personal project work done with Claude Code (Anthropic) only. ' +
  'They do not include work done with other models or tools. Client work is also excluded. ' +
  'The actual total AI-assisted output for any given day is higher than what appears here.';

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
  supervisionGapMinutes: 5,
};

const redactionProfileCheck = object({
  name: string({ trim: true, min: [1, 'is required'], max: [100] }),
  aliases: array(
    object({
      from: string({ trim: true, min: [1, 'is required'], max: [200] }),
      to: string({ max: [200], regex: [/^[^|\r\n]*$/, 'cannot contain "|" or line breaks'] }),
    }),
    { max: 1000 },
  ),
});

/**
 * The settingsStore's check of each setting, without zod (lightCheck.ts says why): the same rules
 * as `settingFields` in settings.ts, key for key and in its order; a test holds the two equal.
 */
export const SETTING_CHECKS = {
  authorLine: string({ max: [10_000] }),
  aboutText: string({ max: [10_000] }),
  footer: string({ max: [10_000] }),
  agentLabel: string({ trim: true, min: [1, 'is required'], max: [40] }),
  factorFormat: oneOf(FACTOR_FORMATS),
  frontMatter: boolean(),
  defaultWorkstreams: array(string({ trim: true, min: [1], max: [200] }), { max: 200 }),
  globalShortcut: string({ max: [100] }),
  theme: oneOf(['system', 'light', 'dark']),
  launchAtLogin: boolean(),
  closeToTray: boolean(),
  backupsToKeep: number({ int: true, min: 1, max: 365 }),
  redactionProfiles: array(redactionProfileCheck, {
    max: 50,
    refine: [(profiles) => new Set(profiles.map((profile) => (profile as { name: string }).name)).size === profiles.length, 'profile names must be unique'],
  }),
  activeRedactionProfile: nullable(string({ max: [100] })),
  supervisionGapMinutes: number({ int: true, min: 1, max: 240 }),
} as const satisfies Record<SettingKey, Check>;

export const SETTING_KEYS = Object.keys(SETTING_CHECKS) as SettingKey[];

const settingsPatchCheck = object(SETTING_CHECKS, { strict: true, partial: true });

/** A stored setting's value when it is valid (else the store falls back to the default). */
export function checkSetting<Key extends SettingKey>(key: Key, value: unknown): { ok: true; value: Settings[Key] } | { ok: false; problems: string } {
  return run<Settings[Key]>(SETTING_CHECKS[key], value);
}

/** A change to some settings as settingsPatchSchema parses it: unknown keys are a problem. */
export function checkSettingsPatch(patch: unknown): { ok: true; value: SettingsPatch } | { ok: false; problems: string } {
  return run<SettingsPatch>(settingsPatchCheck, patch);
}
