import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { makeResidentId } from '../../lib/residentId';
import { checkDetails, concernsDetails, EMPTY_FORM, serverProblems, splitPlaces, toDetails } from './details';

const today = '2026-11-30';

describe('the booking form', () => {
  it('asks for both parties with valid ID numbers of legal age on the day, and the declaration', () => {
    const problems = checkDetails({ ...EMPTY_FORM, party0Id: '110105194912310021' }, true, today, '2026-12-01');
    expect(problems.party0Name?.key).toBe('details.nameRequired');
    expect(problems.party0Id?.key).toBe('id.checksum');
    expect(problems.party1Id?.key).toBe('id.empty');
    expect(problems.travelled?.key).toBe('details.declarationRequired');
    expect(problems.applicantName).toBeUndefined();
  });

  it('refuses the same ID number twice', () => {
    const id = makeResidentId('110105', '1990-01-01', '011');
    const problems = checkDetails({ ...EMPTY_FORM, party0Name: 'a', party1Name: 'b', party0Id: id, party1Id: id.toLowerCase(), travelled: 'no' }, true, today, today);
    expect(problems).toEqual({ party1Id: { key: 'id.same' } });
  });

  it('asks funeral bookings for the applicant\'s phone and the deceased', () => {
    const problems = checkDetails({ ...EMPTY_FORM, applicantName: '王五', applicantPhone: '12345', travelled: 'yes' }, false, today, today);
    expect(Object.keys(problems).sort()).toEqual(['applicantPhone', 'deceasedName', 'travel']);
  });

  it('turns the form into the request the service reads', () => {
    expect(splitPlaces('呼和浩特、包头, 北京')).toEqual(['呼和浩特', '包头', '北京']);
    const details = toDetails({ ...EMPTY_FORM, applicantName: ' 王五 ', applicantPhone: '13800138000', deceasedName: '王老先生', specialHandling: true, companions: 1, travelled: 'no' }, false);
    expect(details).toEqual({ applicant: { name: '王五', phone: '13800138000' }, deceased: { name: '王老先生', specialHandling: true }, companions: 1, travel: [] });
  });

  it('puts the service\'s answer next to the field it names', () => {
    const invalidId = new ApiError({
      type: 'https://civicdesk.org/problems/invalid-id-number', status: 400, detail: '身份证号码无效：校验码不符。请核对后重新填写。',
      errors: [{ field: 'parties[1].idNumber', message: '校验码不符', messageEn: 'its check character does not match' }],
    });
    expect(serverProblems(invalidId)).toEqual({ fields: { party1Id: '身份证号码无效：校验码不符。请核对后重新填写。' } });
    const underAge = new ApiError({ type: 'https://civicdesk.org/problems/under-marriage-age', status: 422, detail: '未达法定婚龄', field: 'parties[0].idNumber' });
    expect(serverProblems(underAge).fields.party0Id).toBe('未达法定婚龄');
    const blocked = new ApiError({ type: 'https://civicdesk.org/problems/declaration-blocks-booking', status: 422, detail: '近14天到过中高风险地区' });
    expect(serverProblems(blocked).fields.travel).toBe('近14天到过中高风险地区');
    const duplicate = new ApiError({ type: 'https://civicdesk.org/problems/duplicate-booking', status: 409, detail: '已有一个有效的同类预约' });
    expect(serverProblems(duplicate)).toEqual({ fields: {}, general: '已有一个有效的同类预约' });
    expect(concernsDetails(duplicate)).toBe(true);
    expect(concernsDetails(new ApiError({ type: 'https://civicdesk.org/problems/slot-full', status: 409 }))).toBe(false);
  });
});
