// Files the API serves only to their owner (a booking's .ics): fetched with the token, then handed
// to the browser as a download.
import { ApiError, apiLanguage } from './api';

export async function downloadWithToken(path: string, token: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': apiLanguage() } });
  if (!response.ok) {
    const text = await response.text();
    let problem;
    try {
      problem = JSON.parse(text);
    } catch {
      problem = { type: 'about:blank', status: response.status, detail: response.statusText };
    }
    throw new ApiError(problem);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
