// What a citizen fills in for a booking, its checks, and which form field a server problem is about.
import type { ApiError } from '../../lib/api';
import { isPhone } from '../../lib/phone';
import { checkResidentId } from '../../lib/residentId';
import type { MessageKey } from '../../lib/messages';

export interface BookingDetails {
  parties?: { name: string; idNumber: string }[];
  applicant?: { name: string; phone: string };
  deceased?: { name: string; specialHandling: boolean };
  companions: number;
  travel: string[];
}

export interface DetailsForm {
  party0Name: string;
  party0Id: string;
  party1Name: string;
  party1Id: string;
  applicantName: string;
  applicantPhone: string;
  deceasedName: string;
  specialHandling: boolean;
  companions: number;
  travelled: 'no' | 'yes' | '';
  travel: string;
}

export type FormField = Exclude<keyof DetailsForm, 'specialHandling'>;

export const EMPTY_FORM: DetailsForm = {
  party0Name: '', party0Id: '', party1Name: '', party1Id: '', applicantName: '', applicantPhone: '', deceasedName: '',
  specialHandling: false, companions: 0, travelled: '', travel: '',
};

/** A problem with one field, as a message key and its values. */
export interface FieldProblem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** Every field's problem; an empty object when the form can be sent. */
export function checkDetails(form: DetailsForm, marriage: boolean, today: string, day: string): Partial<Record<FormField, FieldProblem>> {
  const problems: Partial<Record<FormField, FieldProblem>> = {};
  if (marriage) {
    (['0', '1'] as const).forEach((i) => {
      if (!form[`party${i}Name`].trim()) {
        problems[`party${i}Name`] = { key: 'details.nameRequired' };
      }
      const id = checkResidentId(form[`party${i}Id`], today, day);
      if (!id.ok) {
        problems[`party${i}Id`] = { key: `id.${id.problem}` as MessageKey, vars: { age: id.minimumAge ?? '' } };
      }
    });
    const a = checkResidentId(form.party0Id, today).number;
    if (!problems.party1Id && a !== '' && a === checkResidentId(form.party1Id, today).number) {
      problems.party1Id = { key: 'id.same' };
    }
  } else {
    if (!form.applicantName.trim()) {
      problems.applicantName = { key: 'details.nameRequired' };
    }
    if (!isPhone(form.applicantPhone)) {
      problems.applicantPhone = { key: form.applicantPhone.trim() ? 'details.phoneInvalid' : 'details.phoneRequired' };
    }
    if (!form.deceasedName.trim()) {
      problems.deceasedName = { key: 'details.nameRequired' };
    }
  }
  if (form.travelled === '') {
    problems.travelled = { key: 'details.declarationRequired' };
  } else if (form.travelled === 'yes' && splitPlaces(form.travel).length === 0) {
    problems.travel = { key: 'details.travelRequired' };
  }
  return problems;
}

export function splitPlaces(text: string): string[] {
  return text.split(/[、,，;；\s]+/).map((place) => place.trim()).filter(Boolean);
}

export function toDetails(form: DetailsForm, marriage: boolean): BookingDetails {
  const travel = form.travelled === 'yes' ? splitPlaces(form.travel) : [];
  return marriage
    ? {
      parties: [
        { name: form.party0Name.trim(), idNumber: form.party0Id.replace(/\s+/g, '').toUpperCase() },
        { name: form.party1Name.trim(), idNumber: form.party1Id.replace(/\s+/g, '').toUpperCase() },
      ],
      companions: form.companions,
      travel,
    }
    : {
      applicant: { name: form.applicantName.trim(), phone: form.applicantPhone.trim() },
      deceased: { name: form.deceasedName.trim(), specialHandling: form.specialHandling },
      companions: form.companions,
      travel,
    };
}

const SERVER_FIELDS: Record<string, FormField> = {
  'parties[0].name': 'party0Name',
  'parties[0].idNumber': 'party0Id',
  'parties[1].name': 'party1Name',
  'parties[1].idNumber': 'party1Id',
  'applicant.name': 'applicantName',
  'applicant.phone': 'applicantPhone',
  'applicant': 'applicantName',
  'deceased.name': 'deceasedName',
  'deceased': 'deceasedName',
  'companions': 'companions',
  'declaration': 'travel',
  'declaration.recentTravel': 'travel',
};

const SLUG_FIELDS: Record<string, FormField> = {
  'too-many-companions': 'companions',
  'declaration-blocks-booking': 'travel',
};

/** The server's messages for the form's fields; what concerns no field goes under `general`. */
export function serverProblems(error: ApiError | null): { fields: Partial<Record<FormField, string>>; general?: string } {
  if (!error) {
    return { fields: {} };
  }
  const fields: Partial<Record<FormField, string>> = {};
  for (const name of error.fields) {
    const field = SERVER_FIELDS[name];
    const message = error.fieldMessage(name);
    if (field && message && !fields[field]) {
      fields[field] = message;
    }
  }
  const bySlug = SLUG_FIELDS[error.slug];
  if (bySlug && !fields[bySlug]) {
    fields[bySlug] = error.message;
  }
  return Object.keys(fields).length > 0 ? { fields } : { fields, general: error.message };
}

/** Whether a booking problem is about what the citizen filled in (so the form is shown again). */
export function concernsDetails(error: ApiError): boolean {
  return Object.keys(serverProblems(error).fields).length > 0
    || ['invalid-parties', 'duplicate-booking', 'under-marriage-age', 'invalid-id-number', 'validation-failed', 'invalid-phone'].includes(error.slug);
}
