import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading, StatusMessage } from '../components/Alerts';
import { BookingSummary } from '../components/BookingSummary';
import { LiveBadge } from '../components/LiveBadge';
import { PhoneVerification } from '../components/PhoneVerification';
import { api, asApiError, type ApiError } from '../lib/api';
import type { AvailabilitySlot, SeatsChanged } from '../lib/calendar';
import { newIdempotencyKey } from '../lib/codes';
import { describeDay, hm } from '../lib/dates';
import { useI18n } from '../lib/i18n';
import { maskPhone } from '../lib/phone';
import { Link } from '../lib/router';
import { useCitizen, type CitizenSession } from '../lib/session';
import type { Booking, DistrictRisk, ServiceInfo, WaitlistEntry } from '../lib/types';
import { useAvailability } from '../lib/useAvailability';
import { useLive } from '../lib/useLive';
import { DayAndSlot } from './book/DayAndSlot';
import { concernsDetails, EMPTY_FORM, type BookingDetails } from './book/details';
import { PartyForm } from './book/PartyForm';
import { RiskBanner } from './book/RiskBanner';
import { ServiceChoice } from './book/ServiceChoice';

type Step = 'service' | 'day' | 'details' | 'verify' | 'done' | 'waitlisted';
const STEPS: Step[] = ['service', 'day', 'details', 'verify', 'done'];

/**
 * The citizens' booking: a service, a day on the live calendar and a slot, the people, the phone
 * proved by SMS code, and the confirmation with its code, QR code and calendar file. A full day
 * offers its waitlist instead.
 */
export function HomePage() {
  const { t, lang } = useI18n();
  const [services, setServices] = useState<ServiceInfo[] | null>(null);
  const [risk, setRisk] = useState<DistrictRisk | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [service, setService] = useState<ServiceInfo | null>(null);
  const availability = useAvailability(service?.code ?? null);
  const [step, setStep] = useState<Step>('service');
  const [day, setDay] = useState<string | null>(null);
  const [slot, setSlot] = useState<AvailabilitySlot | null>(null);
  const [form, setForm] = useState(EMPTY_FORM);
  const [details, setDetails] = useState<BookingDetails | null>(null);
  const [citizen, setCitizen, forgetCitizen] = useCitizen();
  const [pendingWaitlist, setPendingWaitlist] = useState<string | null>(null);
  const [detailsError, setDetailsError] = useState<ApiError | null>(null);
  const [dayError, setDayError] = useState<ApiError | null>(null);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [booking, setBooking] = useState<Booking | null>(null);
  const [waitEntry, setWaitEntry] = useState<WaitlistEntry | null>(null);
  const attempt = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  const loadStatic = () => {
    setLoadError(null);
    api<ServiceInfo[]>('/api/v1/services').then(setServices, (e) => setLoadError(asApiError(e)));
    api<DistrictRisk>('/api/v1/risk-level').then(setRisk, () => {});
  };
  useEffect(loadStatic, []);

  const live = useLive(null, {
    '/topic/risk-level': (body) => setRisk(body as DistrictRisk),
    ...(service ? { [`/topic/availability.${service.code}`]: (body: unknown) => availability.apply(body as SeatsChanged) } : {}),
  }, () => {
    availability.reload();
    api<DistrictRisk>('/api/v1/risk-level').then(setRisk, () => {});
  });

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const chooseService = (chosen: ServiceInfo) => {
    setService(chosen);
    setDay(null);
    setSlot(null);
    setForm(EMPTY_FORM);
    setDayError(null);
    setStep('day');
  };

  const book = async (session: CitizenSession) => {
    if (!service || !day || !slot || !details) {
      return;
    }
    setBusy(true);
    setSubmitError(null);
    attempt.current ??= newIdempotencyKey();
    try {
      const created = await api<Booking>('/api/v1/bookings', {
        token: session.token,
        headers: { 'Idempotency-Key': attempt.current },
        body: {
          service: service.code, date: day, slotStart: slot.start, parties: details.parties, applicant: details.applicant,
          deceased: details.deceased, companions: details.companions, declaration: { recentTravel: details.travel },
        },
      });
      attempt.current = null;
      setBooking(created);
      setStep('done');
    } catch (failure) {
      const problem = asApiError(failure);
      if (problem.status === 401) {
        forgetCitizen();
        setSubmitError(problem);
      } else if (['slot-full', 'day-full', 'day-closed', 'slot-not-found', 'outside-booking-window', 'day-not-bookable'].includes(problem.slug)) {
        attempt.current = null;
        setDayError(problem);
        setSlot(null);
        availability.reload();
        setStep('day');
      } else if (concernsDetails(problem)) {
        attempt.current = null;
        setDetailsError(problem);
        setStep('details');
      } else {
        setSubmitError(problem);
      }
    } finally {
      setBusy(false);
    }
  };

  const joinWaitlist = async (session: CitizenSession, date: string) => {
    if (!service) {
      return;
    }
    setBusy(true);
    setDayError(null);
    try {
      const entry = await api<WaitlistEntry>('/api/v1/waitlist', { token: session.token, body: { service: service.code, date } });
      setWaitEntry(entry);
      setPendingWaitlist(null);
      setStep('waitlisted');
    } catch (failure) {
      const problem = asApiError(failure);
      if (problem.status === 401) {
        forgetCitizen();
        setPendingWaitlist(date);
        setStep('verify');
      } else {
        setPendingWaitlist(null);
        setDayError(problem);
        availability.reload();
        setStep('day');
      }
    } finally {
      setBusy(false);
    }
  };

  const verified = (session: CitizenSession) => {
    setCitizen(session);
    if (pendingWaitlist) {
      void joinWaitlist(session, pendingWaitlist);
    } else {
      void book(session);
    }
  };

  const title = {
    service: t('book.step.service'), day: t('book.step.day'), details: t('book.step.details'), verify: t('book.step.verify'),
    done: t('book.step.done'), waitlisted: t('book.step.waitlisted'),
  }[step];
  const serviceName = service ? (lang === 'en' ? service.nameEn : service.name) : '';

  return (
    <section className="booking">
      <ol className="steps" aria-label={t('book.progress')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={STEPS.indexOf(step) > i ? 'done' : undefined}>
            <span className="step-num" aria-hidden="true">{i + 1}</span>
            <span className="step-name">{t(`book.step.${s}` as const)}</span>
          </li>
        ))}
      </ol>
      <div className="card">
        <div className="toolbar">
          <h1 ref={heading} tabIndex={-1}>{title}</h1>
          {(step === 'service' || step === 'day') && <LiveBadge status={live.status} />}
        </div>
        {service && step !== 'service' && step !== 'done' && step !== 'waitlisted' && (
          <p className="selection">
            {serviceName} · {service.office.name}
            {day && step !== 'day' && ` · ${describeDay(day, lang)}`}
            {slot && step !== 'day' && ` ${hm(slot.start)}–${hm(slot.end)}`}
          </p>
        )}

        {step === 'service' && (
          <>
            <RiskBanner risk={risk} />
            {loadError && (
              <>
                <ErrorMessage error={loadError} />
                <button type="button" onClick={loadStatic}>{t('common.retry')}</button>
              </>
            )}
            {!services && !loadError && <Loading label={t('common.loading')} />}
            {services && <ServiceChoice services={services} onChoose={chooseService} />}
          </>
        )}

        {step === 'day' && service && (
          <>
            <RiskBanner risk={risk} />
            <ErrorMessage error={dayError} />
            <DayAndSlot
              availability={availability}
              maxDaysAhead={service.limits.maxDaysAhead}
              selectedDay={day}
              onSelectDay={(d) => {
                setDay(d);
                setDayError(null);
              }}
              onSelectSlot={(d, s) => {
                setDay(d.date);
                setSlot(s);
                setDetailsError(null);
                setStep('details');
              }}
              onJoinWaitlist={(d) => {
                if (citizen) {
                  void joinWaitlist(citizen, d);
                } else {
                  setPendingWaitlist(d);
                  setStep('verify');
                }
              }}
            />
            <div className="actions">
              <button type="button" onClick={() => setStep('service')}>{t('common.back')}</button>
            </div>
          </>
        )}

        {step === 'details' && service && day && availability.today && (
          <PartyForm
            service={service}
            day={day}
            today={availability.today}
            form={form}
            setForm={setForm}
            serverError={detailsError}
            onBack={() => setStep('day')}
            onSubmit={(filled) => {
              setDetails(filled);
              setDetailsError(null);
              attempt.current = null;
              setSubmitError(null);
              setPendingWaitlist(null);
              setStep('verify');
            }}
          />
        )}

        {step === 'verify' && (
          <>
            {pendingWaitlist && <p>{t('book.waitlistVerify', { day: describeDay(pendingWaitlist, lang) })}</p>}
            {citizen ? (
              <div>
                <p>{t('book.verifiedAs', { phone: maskPhone(citizen.phone) })}</p>
                <ErrorMessage error={submitError} />
                <div className="actions">
                  <button type="button" onClick={() => setStep(pendingWaitlist ? 'day' : 'details')}>{t('common.back')}</button>
                  <button type="button" onClick={forgetCitizen}>{t('book.otherPhone')}</button>
                  <button type="button" className="primary" disabled={busy} onClick={() => verified(citizen)}>
                    {pendingWaitlist ? t('book.joinWaitlist') : t('book.submit')}
                  </button>
                </div>
              </div>
            ) : (
              <>
                <p>{t('book.verifyWhy')}</p>
                <PhoneVerification
                  initialPhone={details?.applicant?.phone}
                  submitLabel={pendingWaitlist ? t('book.verifyAndWait') : t('book.verifyAndSubmit')}
                  onVerified={verified}
                />
                <ErrorMessage error={submitError} />
              </>
            )}
            {busy && <StatusMessage>{t('book.submitting')}</StatusMessage>}
          </>
        )}

        {step === 'done' && booking && citizen && (
          <>
            <StatusMessage tone="ok">{t('book.doneMessage', { phone: maskPhone(citizen.phone) })}</StatusMessage>
            <BookingSummary booking={booking} token={citizen.token} />
            <div className="actions">
              <Link href="/my">{t('nav.my')}</Link>
              <button type="button" onClick={() => { setBooking(null); setStep('service'); }}>{t('book.again')}</button>
            </div>
          </>
        )}

        {step === 'waitlisted' && waitEntry && (
          <>
            <StatusMessage tone="ok">
              {t('book.waitlisted', { day: describeDay(waitEntry.date, lang), position: waitEntry.position ?? '—' })}
            </StatusMessage>
            <div className="actions">
              <Link href="/my">{t('nav.my')}</Link>
              <button type="button" onClick={() => setStep('day')}>{t('common.back')}</button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
