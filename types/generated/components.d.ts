import type { Schema, Struct } from '@strapi/strapi';

export interface ConsultationChannel extends Struct.ComponentSchema {
  collectionName: 'components_consultation_channel';
  info: {
    description: '\u610F\u89C1\u53CD\u9988\u6E20\u9053';
    displayName: 'Feedback channel';
  };
  attributes: {
    address: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    kind: Schema.Attribute.Enumeration<
      ['online', 'email', 'post', 'fax', 'phone', 'in-person']
    > &
      Schema.Attribute.Required;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface ConsultationResult extends Struct.ComponentSchema {
  collectionName: 'components_consultation_result';
  info: {
    description: '\u91C7\u7EB3\u60C5\u51B5';
    displayName: 'Consultation result';
  };
  attributes: {
    adoptedCount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    notAdoptedReasons: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 10000;
      }>;
    receivedCount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    resultPublishedAt: Schema.Attribute.DateTime;
    summary: Schema.Attribute.Blocks;
  };
}

export interface DisclosureConfidentialityReview
  extends Struct.ComponentSchema {
  collectionName: 'components_disclosure_confidentiality_review';
  info: {
    description: '\u4FDD\u5BC6\u5BA1\u67E5\uFF1A\u8C01\u53D1\u5E03\u8C01\u5BA1\u67E5\u3001\u8C01\u5BA1\u67E5\u8C01\u8D1F\u8D23';
    displayName: 'Confidentiality review';
  };
  attributes: {
    conclusion: Schema.Attribute.Enumeration<
      ['approved', 'rejected', 'needs-changes']
    >;
    note: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    reviewedAt: Schema.Attribute.DateTime;
    reviewer: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
  };
}

export interface InterpretationQaItem extends Struct.ComponentSchema {
  collectionName: 'components_interpretation_qa_item';
  info: {
    description: '\u653F\u7B56\u95EE\u7B54';
    displayName: 'Q&A item';
  };
  attributes: {
    answer: Schema.Attribute.Blocks;
    question: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

export interface PressSpeaker extends Struct.ComponentSchema {
  collectionName: 'components_press_speaker';
  info: {
    description: '\u53D1\u5E03\u4EBA';
    displayName: 'Speaker';
  };
  attributes: {
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetPluginOptions<{
        disclosure: {
          convert: false;
        };
      }> &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    position: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'consultation.channel': ConsultationChannel;
      'consultation.result': ConsultationResult;
      'disclosure.confidentiality-review': DisclosureConfidentialityReview;
      'interpretation.qa-item': InterpretationQaItem;
      'press.speaker': PressSpeaker;
    }
  }
}
