// The service's business date (Asia/Shanghai, by its own clock): the first day an availability
// query without dates answers with. Asked once per page load.
import { api } from './api';

let today: Promise<string> | null = null;

export function serverToday(): Promise<string> {
  today ??= api<{ days: { date: string }[] }>('/api/v1/availability?service=MARRIAGE_REGISTRATION')
    .then((answer) => answer.days[0].date)
    .catch((failure) => {
      today = null;
      throw failure;
    });
  return today;
}
