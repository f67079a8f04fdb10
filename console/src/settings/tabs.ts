/**
 * @module The Settings sub-pages by path, apart from the page itself so the router can tell a
 * sub-page from a wrong address without loading the Settings code.
 */
export const SETTINGS_TABS = [
  { path: 'organization', label: 'Organization' },
  { path: 'security', label: 'Security' },
  { path: 'terms', label: 'Terms' },
  { path: 'api-keys', label: 'API keys' },
] as const;

export type SettingsTab = (typeof SETTINGS_TABS)[number]['path'];

export const isSettingsTab = (tab: string): tab is SettingsTab => SETTINGS_TABS.some((t) => t.path === tab);
