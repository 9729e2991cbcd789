import { useState } from 'react';
import { asApiError, type ApiError } from '../lib/api';
import { formatCode } from '../lib/codes';
import { describeDay, hm } from '../lib/dates';
import { downloadWithToken } from '../lib/download';
import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/messages';
import type { Booking } from '../lib/types';
import { ErrorMessage } from './Alerts';
import { QrCode } from './QrCode';

/** A booking as its citizen sees it: the reference code, when and where, who, the QR code, the calendar file. */
export function BookingSummary({ booking, token, showQr = true }: { booking: Booking; token: string; showQr?: boolean }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const active = booking.status === 'CONFIRMED' || booking.status === 'HELD';
  const addToCalendar = () => {
    setError(null);
    downloadWithToken(`/api/v1/bookings/${booking.code}/ics`, token, `booking-${booking.code}.ics`)
      .catch((failure) => setError(asApiError(failure)));
  };
  return (
    <div className="booking-summary">
      <p className="code-line">
        {t('booking.code')} <strong className="code" data-code={booking.code}>{formatCode(booking.code)}</strong>
      </p>
      <p className={`badge status-${booking.status.toLowerCase()}`}>{t(`bookingStatus.${booking.status}` as MessageKey)}</p>
      <dl className="facts">
        <dt>{t('booking.service')}</dt>
        <dd>{lang === 'en' ? t(`service.${booking.service}` as MessageKey) : booking.serviceName}</dd>
        <dt>{t('booking.when')}</dt>
        <dd>{describeDay(booking.date, lang, true)} {hm(booking.slotStart)}–{hm(booking.slotEnd)}</dd>
        <dt>{t('booking.where')}</dt>
        <dd>{booking.office}</dd>
        {booking.parties?.map((party, i) => (
          <div key={i} className="fact-pair">
            <dt>{t(i === 0 ? 'details.party1' : 'details.party2')}</dt>
            <dd>{party.name} <span className="mono">{party.idNumber}</span></dd>
          </div>
        ))}
        {booking.deceased && (
          <>
            <dt>{t('details.deceased')}</dt>
            <dd>{booking.deceased.name}{booking.deceased.specialHandling ? ` · ${t('details.specialHandlingShort')}` : ''}</dd>
          </>
        )}
        {booking.applicant && (
          <>
            <dt>{t('details.applicant')}</dt>
            <dd>{booking.applicant.name} <span className="mono">{booking.applicant.phone}</span></dd>
          </>
        )}
        <dt>{t('details.companions')}</dt>
        <dd>{booking.companions}</dd>
      </dl>
      {showQr && active && (
        <figure className="qr-figure">
          <QrCode value={booking.qr} label={t('booking.qrAlt', { code: formatCode(booking.code) })} />
          <figcaption>{t('booking.qrCaption')}</figcaption>
        </figure>
      )}
      {active && (
        <button type="button" onClick={addToCalendar}>{t('booking.addToCalendar')}</button>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
