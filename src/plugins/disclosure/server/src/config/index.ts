import type { GateConfig } from '../services/publication-gate';

export interface DisclosureConfig {
  publicationGate: GateConfig;
}

const defaults: DisclosureConfig = {
  publicationGate: {
    // 同步发布: a normative document is published with its interpretation (Heilongjiang 2017 §2(三)).
    requireInterpretationForNormative: true,
    interpretationExemptOrganizations: [],
  },
};

export default {
  default: defaults,
  /** A bad setting stops the boot with a message naming it. */
  validator(config: DisclosureConfig) {
    const gate = config.publicationGate;
    if (typeof gate?.requireInterpretationForNormative !== 'boolean') {
      throw new Error('disclosure: publicationGate.requireInterpretationForNormative must be true or false');
    }
    if (!Array.isArray(gate.interpretationExemptOrganizations) || gate.interpretationExemptOrganizations.some((code) => typeof code !== 'string')) {
      throw new Error('disclosure: publicationGate.interpretationExemptOrganizations must be a list of organization codes');
    }
  },
};
