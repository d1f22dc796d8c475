/**
 * GET /disclosure/translation-locks?contentType=&documentId= and DELETE /disclosure/translation-locks/:id
 * (admin panel): the zh-Hant fields an editor corrected by hand, which conversion leaves alone, for
 * the edit view's panel of a zh-Hant entry.
 */

export interface TranslationLock {
  id: number;
  /** The zh-Hant field corrected by hand */
  field: string;
  lockedAt: string;
  /** Whether the zh-Hans source of the field changed since the correction */
  sourceChanged: boolean;
}

export declare namespace GetTranslationLocks {
  export interface Request {
    query: { contentType: string; documentId: string };
  }
  export interface Response {
    data: TranslationLock[];
  }
}

/** Unlocking converts the field from zh-Hans again. 404 when there is no such lock. */
export declare namespace RemoveTranslationLock {
  export interface Request {
    params: { id: number };
  }
  export interface Response {
    data: { id: number; field: string };
  }
}
