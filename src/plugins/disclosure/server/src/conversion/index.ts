import conversionTerm from './content-types/conversion-term';
import translationLock from './content-types/translation-lock';
import conversionController from './controllers/conversion';
import routes from './routes';
import conversion from './services/conversion';
import locales from './services/locales';
import type { Capability } from '../utils/capability';

/** 简繁转换: zh-Hans is written, zh-Hant follows; the dictionary; an editor's corrections kept. */
export default {
  services: { conversion, locales },
  controllers: { conversion: conversionController },
  contentTypes: { 'conversion-term': conversionTerm, 'translation-lock': translationLock },
  routes,
} satisfies Capability;
