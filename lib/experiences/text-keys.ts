// Which keys of experience content hold prose an end user reads (translatable), and which hold code:
// ids, selectors, links, enums and whole condition objects. Pure; one list for the dashboard's
// translation panel and the API's overlay, so a translation can never change a link or a selector.
const NOT_TEXT = new Set(["id", "type", "kind", "action", "completeWhen", "launcher", "selector", "url", "imageUrl", "placement", "position", "match", "experienceId"]);

export const isNotText = (key: string): boolean => NOT_TEXT.has(key) || /(Id|Url)$/.test(key);
