/**
 * Phrases of official documents that OpenCC converts wrongly in this register, with their Traditional
 * form (Taiwan character standard, no vocabulary rewriting). Grouped by the work they describe, so the
 * list is completed by vocabulary, not by the last error seen. They take precedence over OpenCC's own
 * phrases wherever they occur and apply in both directions. The reviewed Traditional text of the seed
 * policies (tests/fixtures/traditional) was corrected by these same rules: it guards them against
 * regressions, it does not measure their accuracy.
 */
export const GOVERNMENT_PHRASES: ReadonlyArray<readonly [simplified: string, traditional: string]> =
  [
    // Signing and approval (签 is 簽 "sign", never 籤 "lot, slip", in document handling)
    ['会签', '會簽'],
    ['会签单', '會簽單'],
    ['签批', '簽批'],
    ['核签', '核簽'],
    ['审签', '審簽'],
    ['同步审签', '同步審簽'],
    ['联签', '聯簽'],
    ['签报', '簽報'],
    ['签呈', '簽呈'],
    ['签阅', '簽閱'],
    ['签注', '簽註'],
    ['签办', '簽辦'],
    ['签核', '簽核'],
    ['签章', '簽章'],
    ['签批单', '簽批單'],
    ['审签单', '審簽單'],
    ['签发人', '簽發人'],
    ['签字盖章', '簽字蓋章'],
    // Issuing and announcing (布 "announce": 發布, 公布, 頒布, 宣布, not the variant 佈)
    ['发布', '發布'],
    ['发布会', '發布會'],
    ['新闻发布', '新聞發布'],
    ['公布', '公布'],
    ['颁布', '頒布'],
    ['宣布', '宣布'],
    ['散布', '散布'],
    ['分布', '分布'],
    ['布告', '布告'],
    ['遍布', '遍布'],
    ['密布', '密布'],
    // Arranging and deploying work (布 "arrange": 布置, 布局, 布設, also not 佈)
    ['布置', '布置'],
    ['布局', '布局'],
    ['布设', '布設'],
    ['摆布', '擺布'],
    // Drafting and editing (编发 "edit and issue" is 編發, never 編髮 "braid hair")
    ['编发', '編發'],
    // Instructions and prohibitions (了解 and 不准 "not permitted" as the standard writes them)
    ['了解', '了解'],
    ['不准', '不准'],
    // Chronicles and records offices (地方志办公室): 志, not 誌
    ['地方志', '地方志'],
    ['县志', '縣志'],
    // Office equipment (家具, the standard form, not the variant 傢俱)
    ['家具', '家具'],
    // Replies and filing (复函 is a reply letter: 復函, which converts back)
    ['复函', '復函'],
    ['函复', '函復'],
    ['批复函', '批復函'],
  ];
