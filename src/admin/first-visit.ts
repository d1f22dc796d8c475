/**
 * What a browser that has never opened this admin starts with: the interface in Simplified Chinese,
 * no guided tour, no "new Media Library" banner. Strapi 5.54 has no configuration for any of them:
 * each is the admin's own state in the browser's storage, read when the admin first renders. They
 * are written here, before that render (the app's `register` runs first), and only where the
 * browser holds nothing yet, so a person's own later choice (English in the profile, the tour
 * restarted) stands.
 *
 * Accounts get Chinese on the server too (src/bootstrap/admin-language.ts): the admin applies an
 * account's language on sign-in, whatever the browser held before.
 */

/** @strapi/admin's keys (reducer.ts, GuidedTour/Context.tsx, MediaLibraryBanner.tsx). */
const LANGUAGE_KEY = 'strapi-admin-language';
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
const MEDIA_LIBRARY_BANNER_KEY = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_';

export const DEFAULT_ADMIN_LANGUAGE = 'zh-Hans';

const setIfAbsent = (storage: Storage, key: string, value: string) => {
  if (storage.getItem(key) === null) storage.setItem(key, value);
};

/**
 * The banner's dismissal is kept per instance, under `<key><legacy flag>:<instance uuid>`, the uuid
 * being what /admin/init answers (`false` unless package.json names one, `undefined` while it
 * loads). Both flag values are covered, so switching media libraries brings no banner either.
 */
const dismissMediaLibraryBanner = (storage: Storage, uuid: string) => {
  for (const legacy of ['true', 'false'])
    setIfAbsent(storage, `${MEDIA_LIBRARY_BANNER_KEY}${legacy}:${uuid}`, 'true');
};

interface InitResponse {
  data?: { uuid?: unknown };
}

export function applyFirstVisitDefaults(storage: Storage, backendUrl: string): void {
  setIfAbsent(storage, LANGUAGE_KEY, DEFAULT_ADMIN_LANGUAGE);
  // The tour's own "skip all tours" state; the admin fills in the tours themselves.
  setIfAbsent(storage, GUIDED_TOUR_KEY, JSON.stringify({ enabled: false }));
  dismissMediaLibraryBanner(storage, 'undefined');
  dismissMediaLibraryBanner(storage, 'false');
  // An instance that names its uuid (none here): asked for now, ahead of the admin's own request.
  // Should the admin's answer come first, the banner shows once there, and is dismissed as before.
  void fetch(`${backendUrl}/admin/init`)
    .then((response) => (response.ok ? (response.json() as Promise<InitResponse>) : undefined))
    .then((body) => {
      const uuid = body?.data?.uuid;
      if (typeof uuid === 'string' && uuid) dismissMediaLibraryBanner(storage, uuid);
    })
    .catch(() => {
      // No answer: the admin's own request will fail the same way and show its error.
    });
}
