import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Switch,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, get, useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import type { SubmitNominationDto } from '../../api/generated/intake/types.gen';
import {
  useAmendNomination,
  useCurrentEdition,
  useEdition,
  useNomination,
  useRegionSearch,
  useSubmitNomination,
  type Edition,
  type Nomination,
} from '../../api/intake';
import { useProvinceNames } from '../../api/regions';
import { useAuth } from '../../auth/AuthProvider';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { readIndicator } from '@paritrana/contracts/edition/indicator-paths';
import { useI18n } from '../../i18n';
import { indicatorFields, partsAboveWhole, type NomineeKind } from './indicator-fields';

interface FormValues {
  category: string;
  province: string;
  nominee: { regionCode: string; name: string; npp: string; sector: string; size: string };
  indicators: Record<string, unknown>;
  contact: { name: string; email: string; copyTo: string };
  documents: { name: string; url: string }[];
}

const STEPS = ['nominee', 'indicators', 'contact', 'review'] as const;
const SECTORS = ['finance', 'trade-services', 'mining-manufacturing-construction', 'agriculture', 'education', 'public-service', 'other'];
const SIZES = ['large', 'medium', 'small-micro'];

/** Which step holds a field, so the person is taken to the first problem. */
const stepOf = (path: string) => (path.startsWith('indicators') ? 1 : path.startsWith('contact') || path.startsWith('documents') ? 2 : 0);

/** `documents[0].url` and `documents.0.url` name the same field. */
const fieldPath = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** Drops empty inputs so only what was filled in is sent. */
function compactIndicators(indicators: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(indicators ?? {})) {
    if (value === '' || value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out[key] = value;
    } else if (typeof value === 'object') {
      const inner = compactIndicators(value as Record<string, unknown>);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}

function RegionPicker({
  value,
  onChange,
  province,
  level,
  label,
  error,
  initialName,
}: {
  value: string;
  onChange: (code: string, name: string) => void;
  province: string;
  level: 'regency' | 'village';
  label: string;
  error?: string;
  initialName?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(initialName ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const regions = useRegionSearch({ province, level, q: debounced });
  const options = (regions.data ?? []).map((r) => ({ value: r.code, label: r.within ? `${r.name} — ${r.within}` : r.name }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialName ? `${initialName} (${value})` : value });
  return (
    <Select
      label={label}
      description={t('form.regionHint')}
      placeholder={t('form.regionPlaceholder')}
      searchable
      required
      data={options}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(code) => {
        const region = regions.data?.find((r) => r.code === code);
        onChange(code ?? '', region?.name ?? '');
      }}
      nothingFoundMessage={
        debounced.trim().length < 2 ? t('form.typeTwoLetters') : regions.isFetching ? t('app.loading') : t('form.noRegion')
      }
      error={error}
      filter={({ options: all }) => all}
      rightSection={regions.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
    />
  );
}

function initialValues(edition: Edition | undefined, provinces: string[], existing?: Nomination): FormValues {
  if (existing)
    return {
      category: existing.category,
      province: existing.province,
      nominee: {
        regionCode: existing.nominee.regionCode,
        name: existing.nominee.name ?? '',
        npp: existing.nominee.npp ?? '',
        sector: existing.nominee.sector ?? '',
        size: existing.nominee.size ?? '',
      },
      indicators: existing.indicators as Record<string, unknown>,
      contact: { name: existing.contact.name, email: existing.contact.email, copyTo: existing.contact.copyTo ?? '' },
      documents: existing.documents.map((d) => ({ name: d.name, url: d.url })),
    };
  return {
    category: edition?.categories.find((c) => c.tiers.includes('provincial'))?.code ?? '',
    province: provinces.length === 1 ? provinces[0] : '',
    nominee: { regionCode: '', name: '', npp: '', sector: '', size: '' },
    indicators: {},
    contact: { name: '', email: '', copyTo: '' },
    documents: [],
  };
}

/**
 * A nomination in four steps — nominee, indicators, contact and documents, review — or, at
 * `/nominasi/:id/ubah`, the amendment of one (its nominee is fixed). Every problem the intake finds
 * is shown at its field and the form opens the step of the first one.
 */
export function NominationFormPage() {
  const { id } = useParams();
  const existing = useNomination(id);
  const current = useCurrentEdition();
  const edition = useEdition(existing.data?.edition ?? current.data?.code);
  if (id && existing.error) return <ProblemAlert error={existing.error} onRetry={() => void existing.refetch()} />;
  if (edition.error || current.error) return <ProblemAlert error={edition.error ?? current.error} onRetry={() => void current.refetch()} />;
  if ((id && !existing.data) || !edition.data) return <Loader />;
  return <NominationForm key={id ?? 'new'} edition={edition.data} existing={existing.data} />;
}

function NominationForm({ edition, existing }: { edition: Edition; existing?: Nomination }) {
  const { t, field } = useI18n();
  const { principal } = useAuth();
  const navigate = useNavigate();
  const provinceNames = useProvinceNames();
  const provinces = principal!.provinces.length > 0 ? principal!.provinces : [...(provinceNames.data?.keys() ?? [])];
  const [step, setStep] = useState(0);
  const stepTop = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    // A keyboard or screen-reader user continues at the top of the new step.
    if (firstRender.current) firstRender.current = false;
    else stepTop.current?.focus();
  }, [step]);
  const [problem, setProblem] = useState<unknown>();
  const idempotencyKey = useRef(crypto.randomUUID());
  const submit = useSubmitNomination();
  const amend = useAmendNomination(existing?.id ?? '');
  const amending = !!existing;

  const form = useForm<FormValues>({ defaultValues: initialValues(edition, provinces, existing), mode: 'onTouched' });
  const { control, register, handleSubmit, watch, setError, formState, trigger, setValue } = form;
  const documents = useFieldArray({ control, name: 'documents' });
  const values = watch();
  const category = edition.categories.find((c) => c.code === values.category);
  const kind = (category?.nomineeKind ?? 'regency') as NomineeKind;
  const fields = useMemo(() => indicatorFields(kind), [kind]);
  const aboveWhole = partsAboveWhole(values.indicators ?? {});
  const errorOf = (path: string) => (get(formState.errors, path) as { message?: string } | undefined)?.message;

  useEffect(() => {
    // A new nominee kind has other indicators.
    if (!amending) setValue('indicators', {});
  }, [kind, amending, setValue]);

  const stepFields: Record<number, FieldPath<FormValues>[]> = {
    0: [
      'category',
      'province',
      'nominee.regionCode',
      ...(kind === 'employer' ? (['nominee.name', 'nominee.npp', 'nominee.sector', 'nominee.size'] as const) : []),
    ],
    1: [],
    2: ['contact.name', 'contact.email', 'contact.copyTo'],
  };
  const next = async () => {
    if (step === 1 && aboveWhole.length > 0) return;
    if (await trigger(stepFields[step] ?? [])) setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };

  const body = (v: FormValues): SubmitNominationDto => ({
    edition: edition.code,
    tier: 'provincial',
    province: v.province,
    category: v.category,
    nominee:
      kind === 'employer'
        ? {
            kind,
            regionCode: v.nominee.regionCode,
            name: v.nominee.name.trim(),
            npp: v.nominee.npp.trim(),
            sector: v.nominee.sector as never,
            size: v.nominee.size as never,
          }
        : { kind, regionCode: v.nominee.regionCode },
    contact: {
      name: v.contact.name.trim(),
      email: v.contact.email.trim(),
      ...(v.contact.copyTo.trim() ? { copyTo: v.contact.copyTo.trim() } : {}),
    },
    indicators: compactIndicators(v.indicators) as SubmitNominationDto['indicators'],
    documents: v.documents.filter((d) => d.name.trim() || d.url.trim()),
  });

  const onSubmit = handleSubmit(async (v) => {
    setProblem(undefined);
    try {
      const b = body(v);
      const saved = amending
        ? await amend.mutateAsync({ contact: b.contact, indicators: b.indicators, documents: b.documents })
        : await submit.mutateAsync({ body: b, idempotencyKey: idempotencyKey.current });
      notifications.show({ color: 'green', message: amending ? t('form.amended') : t('form.submitted') });
      navigate(`/nominasi/${saved.id}`);
    } catch (error) {
      setProblem(error);
      if (error instanceof ApiError && error.fields.length > 0) {
        const first = Math.min(...error.fields.map((f) => stepOf(f.path)));
        for (const f of error.fields) setError(fieldPath(f.path) as FieldPath<FormValues>, { type: 'server', message: field(f) });
        setStep(first);
      }
    }
  });

  const provinceName = (code: string) => provinceNames.data?.get(code) ?? code;
  const busy = submit.isPending || amend.isPending;
  const unit = (u: string) => t(`form.unit.${u}`);

  return (
    <Page title={amending ? t('form.amendTitle', { name: existing!.nominee.name ?? '' }) : t('form.title')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-describedby="form-problem">
        <VisuallyHidden>
          <h2 ref={stepTop} tabIndex={-1}>
            {t(`form.step.${STEPS[step]}`)}
          </h2>
        </VisuallyHidden>
        <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label={t('form.step.nominee')}>
            <Card withBorder>
              <Stack gap="sm">
                <Select
                  label={t('form.category')}
                  required
                  searchable
                  disabled={amending}
                  data={edition.categories.filter((c) => c.tiers.includes('provincial')).map((c) => ({ value: c.code, label: c.name }))}
                  value={values.category}
                  onChange={(v) => setValue('category', v ?? '', { shouldValidate: true })}
                  error={errorOf('category')}
                />
                <Select
                  label={t('form.province')}
                  required
                  searchable
                  disabled={amending}
                  data={provinces.map((code) => ({ value: code, label: provinceName(code) }))}
                  value={values.province || null}
                  onChange={(v) => {
                    setValue('province', v ?? '', { shouldValidate: true });
                    setValue('nominee.regionCode', '');
                  }}
                  error={errorOf('province')}
                />
                <input type="hidden" {...register('province', { required: t('form.required') })} />
                <input type="hidden" {...register('nominee.regionCode', { required: t('form.required') })} />
                {amending ? (
                  <Text>
                    {t('form.nominee')}: <strong>{existing!.nominee.name}</strong> ({existing!.nominee.regionCode})
                  </Text>
                ) : kind === 'employer' ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={t('form.employerName')}
                      required
                      {...register('nominee.name', { required: t('form.required') })}
                      error={errorOf('nominee.name')}
                    />
                    <TextInput
                      label={t('form.npp')}
                      description={t('form.nppHint')}
                      required
                      inputMode="numeric"
                      {...register('nominee.npp', { required: t('form.required') })}
                      error={errorOf('nominee.npp')}
                    />
                    <Controller
                      control={control}
                      name="nominee.sector"
                      rules={{ required: t('form.required') }}
                      render={({ field }) => (
                        <Select
                          label={t('form.sector')}
                          required
                          data={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
                          value={field.value || null}
                          onChange={(v) => field.onChange(v ?? '')}
                          onBlur={field.onBlur}
                          error={errorOf('nominee.sector')}
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name="nominee.size"
                      rules={{ required: t('form.required') }}
                      render={({ field }) => (
                        <Select
                          label={t('form.size')}
                          required
                          data={SIZES.map((s) => ({ value: s, label: t(`size.${s}`) }))}
                          value={field.value || null}
                          onChange={(v) => field.onChange(v ?? '')}
                          onBlur={field.onBlur}
                          error={errorOf('nominee.size')}
                        />
                      )}
                    />
                    <RegionPicker
                      label={t('form.employerRegency')}
                      province={values.province}
                      level="regency"
                      value={values.nominee.regionCode}
                      onChange={(code) => setValue('nominee.regionCode', code, { shouldValidate: true })}
                      error={errorOf('nominee.regionCode')}
                    />
                  </SimpleGrid>
                ) : (
                  <RegionPicker
                    label={kind === 'village' ? t('form.village') : t('form.regency')}
                    province={values.province}
                    level={kind === 'village' ? 'village' : 'regency'}
                    value={values.nominee.regionCode}
                    onChange={(code, name) => {
                      setValue('nominee.regionCode', code, { shouldValidate: true });
                      setValue('nominee.name', name);
                    }}
                    error={errorOf('nominee.regionCode')}
                    initialName={values.nominee.name}
                  />
                )}
              </Stack>
            </Card>
          </Stepper.Step>

          <Stepper.Step label={t('form.step.indicators')}>
            <Card withBorder>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {t('form.indicatorsHint', { year: edition.assessmentYear })}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {fields.map((field) => {
                    const name = `indicators.${field.path}`;
                    const label = t(`indicator.${field.path}`);
                    if (field.type === 'count') {
                      const above = aboveWhole.find(([part]) => part === field.path);
                      return (
                        <Controller
                          key={name}
                          control={control}
                          name={name as FieldPath<FormValues>}
                          render={({ field: input }) => (
                            <NumberInput
                              label={label}
                              description={
                                field.wholePath
                                  ? t('form.partOfWhole', { whole: t(`indicator.${field.wholePath}`) })
                                  : t('form.unitHint', { unit: unit(field.unit) })
                              }
                              min={0}
                              allowDecimal={false}
                              allowNegative={false}
                              thousandSeparator="."
                              decimalSeparator=","
                              prefix={field.unit === 'rupiah' ? 'Rp ' : undefined}
                              suffix={field.unit !== 'rupiah' ? ` ${unit(field.unit)}` : undefined}
                              value={(input.value as number | undefined) ?? ''}
                              onChange={(v) => input.onChange(typeof v === 'number' ? v : undefined)}
                              onBlur={input.onBlur}
                              error={
                                above ? t('form.partAboveWhole', { part: label, whole: t(`indicator.${field.wholePath}`) }) : errorOf(name)
                              }
                            />
                          )}
                        />
                      );
                    }
                    if (field.type === 'choice')
                      return (
                        <Controller
                          key={name}
                          control={control}
                          name={name as FieldPath<FormValues>}
                          render={({ field: input }) => (
                            <Select
                              label={label}
                              data={field.options.map((o) => ({ value: o, label: t(`regulation.${o}`) }))}
                              value={(input.value as string | undefined) ?? null}
                              onChange={(v) => input.onChange(v ?? undefined)}
                              clearable
                              error={errorOf(name)}
                            />
                          )}
                        />
                      );
                    if (field.type === 'programs')
                      return (
                        <Controller
                          key={name}
                          control={control}
                          name={name as FieldPath<FormValues>}
                          render={({ field: input }) => (
                            <Checkbox.Group
                              label={label}
                              value={(input.value as string[] | undefined) ?? []}
                              onChange={input.onChange}
                              error={errorOf(name)}
                            >
                              <Group gap="sm" mt={4}>
                                {field.options.map((o) => (
                                  <Checkbox key={o} value={o} label={o} />
                                ))}
                              </Group>
                            </Checkbox.Group>
                          )}
                        />
                      );
                    return (
                      <Controller
                        key={name}
                        control={control}
                        name={name as FieldPath<FormValues>}
                        render={({ field: input }) => (
                          <Switch
                            label={label}
                            checked={input.value === true}
                            onChange={(e) => input.onChange(e.currentTarget.checked)}
                            error={errorOf(name)}
                          />
                        )}
                      />
                    );
                  })}
                </SimpleGrid>
              </Stack>
            </Card>
          </Stepper.Step>

          <Stepper.Step label={t('form.step.contact')}>
            <Card withBorder>
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('form.contact')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('form.contactName')}
                    required
                    {...register('contact.name', { required: t('form.required') })}
                    error={errorOf('contact.name')}
                  />
                  <TextInput
                    label={t('form.contactEmail')}
                    description={t('form.contactEmailHint')}
                    type="email"
                    required
                    {...register('contact.email', { required: t('form.required') })}
                    error={errorOf('contact.email')}
                  />
                  <TextInput
                    label={t('form.copyTo')}
                    description={t('form.copyToHint')}
                    type="email"
                    {...register('contact.copyTo')}
                    error={errorOf('contact.copyTo')}
                  />
                </SimpleGrid>
                <Title order={2} size="h4" mt="sm">
                  {t('form.documents')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('form.documentsHint')}
                </Text>
                {documents.fields.map((doc, index) => (
                  <Group key={doc.id} align="flex-start" wrap="nowrap">
                    <TextInput
                      label={t('form.documentName')}
                      {...register(`documents.${index}.name`)}
                      error={errorOf(`documents.${index}.name`)}
                      style={{ flex: 1 }}
                    />
                    <TextInput
                      label={t('form.documentUrl')}
                      type="url"
                      placeholder="https://"
                      {...register(`documents.${index}.url`)}
                      error={errorOf(`documents.${index}.url`)}
                      style={{ flex: 2 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={28}
                      aria-label={t('form.removeDocument', { n: index + 1 })}
                      onClick={() => documents.remove(index)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  w="fit-content"
                  onClick={() => documents.append({ name: '', url: '' })}
                >
                  {t('form.addDocument')}
                </Button>
              </Stack>
            </Card>
          </Stepper.Step>

          <Stepper.Step label={t('form.step.review')}>
            <Card withBorder>
              <Stack gap="xs">
                <Text>
                  {t('form.category')}: <strong>{category?.name}</strong>
                </Text>
                <Text>
                  {t('form.province')}: <strong>{provinceName(values.province)}</strong>
                </Text>
                <Text>
                  {t('form.nominee')}: <strong>{values.nominee.name || values.nominee.regionCode}</strong>
                </Text>
                <Text>
                  {t('form.contact')}: <strong>{values.contact.name}</strong> ({values.contact.email})
                </Text>
                <Text>
                  {t('form.filledIndicators', {
                    count: fields.filter(
                      (f) => readIndicator(values.indicators, f.path) !== undefined && readIndicator(values.indicators, f.path) !== '',
                    ).length,
                    total: fields.length,
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {amending ? t('form.amendNote') : t('form.submitNote')}
                </Text>
              </Stack>
            </Card>
          </Stepper.Step>
        </Stepper>

        <div id="form-problem">
          {problem !== undefined && (
            <Alert mt="md" p={0} color="transparent">
              <ProblemAlert error={problem} />
            </Alert>
          )}
        </div>

        <Group justify="space-between" mt="md">
          <Button variant="default" onClick={() => (step === 0 ? navigate(-1) : setStep(step - 1))}>
            {step === 0 ? t('app.cancel') : t('app.back')}
          </Button>
          {step < STEPS.length - 1 ? (
            <Button key="next" onClick={() => void next()}>
              {t('form.next')}
            </Button>
          ) : (
            // Its own element: the Enter that pressed "next" must not also send the form.
            <Button key="submit" type="submit" loading={busy}>
              {amending ? t('form.saveAmendment') : t('form.submit')}
            </Button>
          )}
        </Group>
      </form>
    </Page>
  );
}
