import { useState } from 'react';
import type { AvailabilityDay, AvailabilitySlot, SeatsChanged } from '../../lib/calendar';
import { useI18n } from '../../lib/i18n';
import type { Booking, ServiceInfo } from '../../lib/types';
import { useAvailability } from '../../lib/useAvailability';
import { useLive } from '../../lib/useLive';
import { DayAndSlot } from '../book/DayAndSlot';

/** Picking the new slot of a booking on the same live calendar citizens book from. */
export function Reschedule({ booking, service, busy, onChoose, onCancel }: {
  booking: Booking;
  service: ServiceInfo;
  busy: boolean;
  onChoose: (day: AvailabilityDay, slot: AvailabilitySlot) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const availability = useAvailability(booking.service, booking.date);
  const [day, setDay] = useState<string | null>(booking.date);
  useLive(null, { [`/topic/availability.${booking.service}`]: (body) => availability.apply(body as SeatsChanged) }, availability.reload);
  return (
    <div className="reschedule" aria-busy={busy}>
      <h3>{t('my.rescheduleTitle')}</h3>
      <DayAndSlot
        availability={availability}
        maxDaysAhead={service.limits.maxDaysAhead}
        selectedDay={day}
        onSelectDay={setDay}
        onSelectSlot={onChoose}
        currentSlot={{ date: booking.date, start: booking.slotStart }}
      />
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
    </div>
  );
}
