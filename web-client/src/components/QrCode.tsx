import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The booking's signed check-in payload as a QR code staff scan at the desk. */
export function QrCode({ value, label, size = 220 }: { value: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 2, width: size })
      .then((url) => current && setSrc(url))
      .catch(() => current && setSrc(null));
    return () => {
      current = false;
    };
  }, [value, size]);
  return src
    ? <img className="qr" src={src} width={size} height={size} alt={label} data-qr-payload-length={value.length} />
    : <div className="qr placeholder" style={{ width: size, height: size }} aria-hidden="true" />;
}
