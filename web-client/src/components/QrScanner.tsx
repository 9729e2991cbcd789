import { useEffect, useRef, useState } from 'react';
import jsQR from 'jsqr';
import { useI18n } from '../lib/i18n';

/**
 * Reads a QR code from the camera (getUserMedia, decoded with jsQR a few times a second) and hands
 * its text over once. Without a camera, or when it is refused, it says so: typing the code is the
 * fallback next to it.
 */
export function QrScanner({ onScan, onClose }: { onScan: (text: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const done = useRef(false);

  useEffect(() => {
    done.current = false;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const scan = () => {
      const v = video.current;
      if (!done.current && v && context && v.readyState >= 2 && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        context.drawImage(v, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (code?.data) {
          done.current = true;
          onScan(code.data);
          return;
        }
      }
      timer = window.setTimeout(scan, 200);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(t('scan.unsupported'));
      return undefined;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        stream = s;
        if (done.current) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => {});
        }
        scan();
      })
      .catch(() => setProblem(t('scan.denied')));
    return () => {
      done.current = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    // onScan and t are read when a code is found; the camera starts once.
  }, []);

  return (
    <div className="scanner" role="region" aria-label={t('scan.title')}>
      {problem ? <p className="error" role="alert">{problem}</p> : <p className="muted" role="status">{t('scan.hint')}</p>}
      <video ref={video} muted playsInline aria-hidden="true" />
      <button type="button" onClick={onClose}>{t('scan.close')}</button>
    </div>
  );
}
