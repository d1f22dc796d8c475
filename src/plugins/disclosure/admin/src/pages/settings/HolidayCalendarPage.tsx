import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type {
  CalendarDayKind,
  CreateOfficeDay,
  GetCalendar,
  RemoveOfficeDay,
} from '../../../../shared/contracts/settings';
import { ErrorBox, useT } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { useSettingsAccess } from '../../components/settings/access';
import { ConfirmDeleteButton } from '../../components/settings/ConfirmButton';
import { useDisclosureData } from '../../hooks/useDisclosureData';

const EMPTY_DAY = { date: '', kind: 'holiday' as CalendarDayKind, name: '' };

/**
 * 节假日安排: the State Council schedule built in for a year, the office's own days over it, and a
 * warning while next year's schedule has not been entered (it is announced late in the year).
 */
const HolidayCalendarPage = () => {
  const t = useT();
  const { canManage, failureText } = useSettingsAccess();
  const { post, del } = useFetchClient();
  // Undefined until the server has said which year it is in Beijing.
  const [year, setYear] = React.useState<number | undefined>(undefined);
  const params: GetCalendar.Request['query'] = year ? { year: String(year) } : {};
  // Another year keeps the one shown on screen until it is in.
  const {
    data: calendar,
    error: loadError,
    reload,
  } = useDisclosureData<GetCalendar.Response>('/disclosure/calendar', {
    params,
    errorText: failureText,
  });
  const [actionError, setActionError] = React.useState<string | null>(null);
  const error = actionError ?? loadError;
  const [form, setForm] = React.useState(EMPTY_DAY);
  const [saving, setSaving] = React.useState(false);

  const shown = calendar?.year;
  const add = async () => {
    setSaving(true);
    try {
      const data: CreateOfficeDay.Request['body']['data'] = {
        date: form.date,
        kind: form.kind,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
      };
      await post<CreateOfficeDay.Response>('/disclosure/calendar/days', { data });
      setForm(EMPTY_DAY);
      setActionError(null);
      await reload();
    } catch (failure) {
      setActionError(failureText(failure));
    } finally {
      setSaving(false);
    }
  };
  const remove = (id: number) =>
    del<RemoveOfficeDay.Response>(`/disclosure/calendar/days/${id}`)
      .then(() => {
        setActionError(null);
        return reload();
      })
      .catch((failure) => setActionError(failureText(failure)));

  const kindLabel = (kind: CalendarDayKind) =>
    kind === 'holiday'
      ? t('settings.calendar.kind.holiday', '放假')
      : t('settings.calendar.kind.working', '上班（调休）');

  return (
    <Page.Main>
      <Page.Title>{t('settings.calendar.title', '节假日安排')}</Page.Title>
      <Layouts.Header
        title={t('settings.calendar.title', '节假日安排')}
        subtitle={t(
          'settings.calendar.subtitle',
          '国务院年度放假安排已内置；本单位录入的放假日和调休上班日优先，即改即用'
        )}
      />
      <Layouts.Content>
        <ErrorBox message={error} />
        {!calendar && !error && <Page.Loading />}
        {calendar && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex gap={2} alignItems="center">
              <Button variant="tertiary" onClick={() => setYear((shown ?? 0) - 1)}>
                {t('settings.calendar.previousYear', '上一年')}
              </Button>
              <Typography variant="beta" tag="h2" data-testid="calendar-year">
                {t('settings.calendar.year', '{year} 年', { year: calendar.year })}
              </Typography>
              <Button variant="tertiary" onClick={() => setYear((shown ?? 0) + 1)}>
                {t('settings.calendar.nextYear', '下一年')}
              </Button>
            </Flex>

            {!calendar.scheduleLoaded && (
              <Box
                background="danger100"
                padding={4}
                hasRadius
                data-testid="calendar-schedule-missing"
              >
                <Typography textColor="danger700">
                  {t(
                    'settings.calendar.missing',
                    '{year} 年节假日安排尚未录入：涉及该年的时限不作推算。请至少录入该年的放假日。',
                    { year: calendar.year }
                  )}
                </Typography>
              </Box>
            )}
            {!calendar.nextYear.scheduleLoaded && (
              <Box
                background="warning100"
                padding={4}
                hasRadius
                data-testid="next-year-schedule-missing"
              >
                <Typography textColor="warning700">
                  {t(
                    'settings.calendar.nextMissing',
                    '{year} 年节假日安排尚未录入。国务院公布后，请在此录入该年的放假日和调休上班日。',
                    {
                      year: calendar.nextYear.year,
                    }
                  )}
                </Typography>
              </Box>
            )}

            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h3">
                {t('settings.calendar.builtIn', '国务院安排（内置）')}
              </Typography>
              <Box paddingTop={2}>
                <Typography>
                  {t(
                    'settings.calendar.builtInSummary',
                    '放假 {holidays} 天；调休上班：{workdays}',
                    {
                      holidays: calendar.builtIn.holidays.length,
                      workdays:
                        calendar.builtIn.workdays.join(t('settings.listSeparator', '、')) || '—',
                    }
                  )}
                </Typography>
              </Box>
            </Box>

            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h3">
                {t('settings.calendar.officeDays', '本单位录入')}
              </Typography>
              <Box paddingTop={4}>
                <DataTable
                  testId="office-days-table"
                  rows={calendar.officeDays}
                  rowKey={(day) => day.id}
                  empty={t('settings.calendar.none', '本年尚无本单位录入的日期。')}
                  emptyTextColor="neutral600"
                  actionsHeader={t('settings.actions', '操作')}
                  rowActions={[
                    {
                      shown: () => canManage,
                      render: (day) => (
                        <ConfirmDeleteButton
                          what={`${day.date} ${kindLabel(day.kind)}${day.name ? `（${day.name}）` : ''}`}
                          onConfirm={() => remove(day.id)}
                        />
                      ),
                    },
                  ]}
                  columns={[
                    {
                      header: t('settings.calendar.date', '日期'),
                      cell: (day) => <Typography>{day.date}</Typography>,
                    },
                    {
                      header: t('settings.calendar.kind', '类型'),
                      cell: (day) => (
                        <Badge variant={day.kind === 'holiday' ? 'success' : 'secondary'}>
                          {kindLabel(day.kind)}
                        </Badge>
                      ),
                    },
                    {
                      header: t('settings.calendar.name', '名称'),
                      cell: (day) => <Typography>{day.name ?? '—'}</Typography>,
                    },
                  ]}
                />
              </Box>

              {canManage && (
                <Box paddingTop={6}>
                  <form
                    onSubmit={(event) => {
                      event.preventDefault();
                      add();
                    }}
                  >
                    <Flex gap={4} alignItems="flex-end" wrap="wrap">
                      <Field.Root name="date" required>
                        <Field.Label>{t('settings.calendar.date', '日期')}</Field.Label>
                        <TextInput
                          type="date"
                          value={form.date}
                          onChange={(e) => setForm({ ...form, date: e.target.value })}
                        />
                      </Field.Root>
                      <Field.Root name="kind" required>
                        <Field.Label>{t('settings.calendar.kind', '类型')}</Field.Label>
                        <SingleSelect
                          value={form.kind}
                          onChange={(kind) => setForm({ ...form, kind: kind as CalendarDayKind })}
                        >
                          <SingleSelectOption value="holiday">
                            {kindLabel('holiday')}
                          </SingleSelectOption>
                          <SingleSelectOption value="working">
                            {kindLabel('working')}
                          </SingleSelectOption>
                        </SingleSelect>
                      </Field.Root>
                      <Field.Root name="name">
                        <Field.Label>{t('settings.calendar.name', '名称')}</Field.Label>
                        <TextInput
                          value={form.name}
                          maxLength={100}
                          onChange={(e) => setForm({ ...form, name: e.target.value })}
                        />
                      </Field.Root>
                      <Button type="submit" loading={saving} disabled={!form.date}>
                        {t('settings.calendar.add', '录入')}
                      </Button>
                    </Flex>
                  </form>
                </Box>
              )}
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default HolidayCalendarPage;
