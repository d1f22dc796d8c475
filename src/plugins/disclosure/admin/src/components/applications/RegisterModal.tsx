import { Grid } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  APPLICANT_TYPES,
  APPLICATION_CHANNELS,
  DELIVERY_FORMS,
  type ApplicantType,
  type ApplicationChannel,
  type ApplicationDetail,
  type ApplicationIntake,
  type DeliveryForm,
} from '../../../../shared/contracts/on-request';
import {
  APPLICANT_TYPE_WORDS,
  APPLICATION_CHANNEL_WORDS,
  DELIVERY_FORM_WORDS,
} from '../../../../shared/words';
import { beijingToday } from '../../utils/format';
import { useFailureText, useT, type Translate } from '../common';
import { FormCell, SelectField, TextField } from '../FormFields';
import { FormModal } from '../FormModal';
import { useWord } from './words';

/**
 * Art. 31's received date, by channel: in person the day handed in, by registered post the day
 * signed for, otherwise (ordinary letter, fax, online) the day the office confirms it with the applicant.
 */
type ReceivedField = 'handedInOn' | 'signedForOn' | 'confirmedOn';
const RECEIVED_FIELD: Record<ApplicationChannel, ReceivedField> = {
  'in-person': 'handedInOn',
  'registered-post': 'signedForOn',
  'ordinary-letter': 'confirmedOn',
  fax: 'confirmedOn',
  online: 'confirmedOn',
};

/** POST /disclosure/applications: an application received offline, registered by the office. */
export type OfflineRegistration = ApplicationIntake & {
  channel: ApplicationChannel;
} & Partial<Record<ReceivedField, string>>;

interface Values {
  organization: string;
  channel: ApplicationChannel;
  applicantType: ApplicantType;
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  description: string;
  documentNumber: string;
  form: DeliveryForm;
  receivedOn: string;
}

const receivedLabels = (t: Translate): Record<ReceivedField, { label: string; hint: string }> => ({
  handedInOn: {
    label: t('applications.register.handedInOn', '递交日期'),
    hint: t('applications.register.handedInOnHint', '当面提交的，以提交之日为收到申请之日'),
  },
  signedForOn: {
    label: t('applications.register.signedForOn', '签收日期'),
    hint: t(
      'applications.register.signedForOnHint',
      '以邮政挂号信寄送的，以本机关签收之日为收到申请之日'
    ),
  },
  confirmedOn: {
    label: t('applications.register.confirmedOn', '确认日期'),
    hint: t(
      'applications.register.confirmedOnHint',
      '平常信函、传真、网上申请，以与申请人确认之日为收到申请之日；尚未确认的可留空，确认后在案件中点“确认收到”'
    ),
  },
});

/** Codes of the two kinds of applicant: an organization's usual document, a person's usual one. */
const personDocument = (t: Translate) => t('applications.register.idType.person', '居民身份证');
const organizationDocument = (t: Translate) =>
  t('applications.register.idType.organization', '统一社会信用代码证');

interface Props {
  open: boolean;
  /** The organization the list is filtered by, to start from */
  organization?: string;
  onClose: () => void;
  onRegistered: (detail: ApplicationDetail) => void;
}

/** 登记申请: an application received in person, by post or by fax, entered by the office. */
export const RegisterModal = ({ open, organization, onClose, onRegistered }: Props) => {
  const t = useT();
  const word = useWord();
  const { post } = useFetchClient();
  const failureText = useFailureText(
    t('applications.forbidden', '您没有办理此事项的权限，请联系本机关政务公开工作机构')
  );
  const labels = receivedLabels(t);

  const initial: Values = {
    organization: organization ?? '',
    channel: 'in-person',
    applicantType: 'natural-person',
    name: '',
    idType: personDocument(t),
    idNumber: '',
    phone: '',
    email: '',
    address: '',
    description: '',
    documentNumber: '',
    form: 'paper',
    receivedOn: beijingToday(),
  };

  const submit = async (values: Values) => {
    const field = RECEIVED_FIELD[values.channel];
    const email = values.email.trim();
    const documentNumber = values.documentNumber.trim();
    const data: OfflineRegistration = {
      organization: values.organization.trim(),
      channel: values.channel,
      applicantType: values.applicantType,
      name: values.name.trim(),
      idType: values.idType.trim(),
      idNumber: values.idNumber.trim(),
      phone: values.phone.trim(),
      address: values.address.trim(),
      description: values.description.trim(),
      form: values.form,
      ...(email ? { email } : {}),
      ...(documentNumber ? { documentNumber } : {}),
      ...(values.receivedOn ? { [field]: values.receivedOn } : {}),
    };
    const { data: answer } = await post<{ data: ApplicationDetail }>('/disclosure/applications', {
      data,
    });
    onRegistered(answer.data);
  };

  const required: Array<keyof Values> = [
    'organization',
    'name',
    'idType',
    'idNumber',
    'phone',
    'address',
    'description',
  ];

  return (
    <FormModal<Values>
      open={open}
      title={t('applications.register', '登记申请')}
      submitLabel={t('applications.register.submit', '登记')}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
      errorText={failureText}
      canSubmit={(values) =>
        required.every((name) => String(values[name]).trim() !== '') &&
        (RECEIVED_FIELD[values.channel] === 'confirmedOn' || values.receivedOn !== '')
      }
    >
      {({ values, set }) => {
        const field = RECEIVED_FIELD[values.channel];
        return (
          <Grid.Root gap={4}>
            <FormCell>
              <TextField
                name="organization"
                required
                label={t('applications.register.organization', '机构代码')}
                hint={t('applications.register.organizationHint', '受理申请的机关的机构代码')}
                value={values.organization}
                onChange={(v) => set('organization', v)}
              />
            </FormCell>
            <FormCell>
              <SelectField
                name="channel"
                required
                label={t('applications.register.channel', '申请渠道')}
                value={values.channel}
                options={APPLICATION_CHANNELS.map((channel) => ({
                  value: channel,
                  label: word(APPLICATION_CHANNEL_WORDS[channel]),
                }))}
                onChange={(channel) => {
                  set('channel', channel);
                  // A confirmed date may still be unknown; the others are the day the letter is in hand.
                  if (RECEIVED_FIELD[channel] !== 'confirmedOn' && !values.receivedOn)
                    set('receivedOn', beijingToday());
                }}
              />
            </FormCell>
            <FormCell>
              <TextField
                name={field}
                type="date"
                required={field !== 'confirmedOn'}
                label={labels[field].label}
                hint={labels[field].hint}
                value={values.receivedOn}
                onChange={(v) => set('receivedOn', v)}
              />
            </FormCell>
            <FormCell>
              <SelectField
                name="applicantType"
                required
                label={t('applications.register.applicantType', '申请人类型')}
                value={values.applicantType}
                options={APPLICANT_TYPES.map((type) => ({
                  value: type,
                  label: word(APPLICANT_TYPE_WORDS[type]),
                }))}
                onChange={(applicantType) => {
                  set('applicantType', applicantType);
                  // The usual document for the kind of applicant, unless the editor typed another.
                  const person = personDocument(t);
                  const organizationDoc = organizationDocument(t);
                  if (values.idType === person || values.idType === organizationDoc)
                    set('idType', applicantType === 'natural-person' ? person : organizationDoc);
                }}
              />
            </FormCell>
            <FormCell>
              <TextField
                name="name"
                required
                label={
                  values.applicantType === 'natural-person'
                    ? t('applications.register.name', '姓名')
                    : t('applications.register.organizationName', '名称')
                }
                value={values.name}
                onChange={(v) => set('name', v)}
              />
            </FormCell>
            <FormCell>
              <TextField
                name="idType"
                required
                label={t('applications.register.idType', '证件类型')}
                value={values.idType}
                onChange={(v) => set('idType', v)}
              />
            </FormCell>
            <FormCell>
              <TextField
                name="idNumber"
                required
                label={t('applications.register.idNumber', '证件号码')}
                value={values.idNumber}
                onChange={(v) => set('idNumber', v)}
              />
            </FormCell>
            <FormCell>
              <TextField
                name="phone"
                type="tel"
                required
                label={t('applications.register.phone', '联系电话')}
                value={values.phone}
                onChange={(v) => set('phone', v)}
              />
            </FormCell>
            <FormCell>
              <TextField
                name="email"
                type="email"
                label={t('applications.register.email', '电子邮箱')}
                value={values.email}
                onChange={(v) => set('email', v)}
              />
            </FormCell>
            <FormCell wide>
              <TextField
                name="address"
                required
                label={t('applications.register.address', '通信地址')}
                value={values.address}
                onChange={(v) => set('address', v)}
              />
            </FormCell>
            <FormCell wide>
              <TextField
                name="description"
                required
                multiline
                label={t('applications.register.description', '所需政府信息的名称或内容描述')}
                value={values.description}
                onChange={(v) => set('description', v)}
              />
            </FormCell>
            <FormCell>
              <TextField
                name="documentNumber"
                label={t('applications.register.documentNumber', '文号')}
                hint={t('applications.register.documentNumberHint', '文号或其他特征描述（选填）')}
                value={values.documentNumber}
                onChange={(v) => set('documentNumber', v)}
              />
            </FormCell>
            <FormCell>
              <SelectField
                name="form"
                required
                label={t('applications.register.form', '获取信息的方式')}
                value={values.form}
                options={DELIVERY_FORMS.map((form) => ({
                  value: form,
                  label: word(DELIVERY_FORM_WORDS[form]),
                }))}
                onChange={(form) => set('form', form)}
              />
            </FormCell>
          </Grid.Root>
        );
      }}
    </FormModal>
  );
};
