import Image from "next/image";
import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { findTwoFactor, unusedRecoveryCodeCount } from "@/db/two-factor";
import { mustEnrol, requireSignedInUser } from "@/lib/auth/current-user";
import { pendingEnrolment, totpKey } from "@/lib/auth/two-factor";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";
import { chinaDateTime } from "@/lib/domain/china-time";
import { env } from "@/lib/env";
import { CodeForm } from "./_components/code-form";
import { DisableTwoFactorForm } from "./_components/disable-form";
import { StartTwoFactorForm } from "./_components/start-form";

export async function generateMetadata() {
  return { title: (await getTranslations("twoFactor"))("title") };
}

type Props = { searchParams: Promise<{ disabled?: string }> };

/**
 * The signed-in user's own authenticator. The one page a user who must enrol can open: the page and
 * its start/confirm actions take any signed-in user; everything else the user reaches requires 2FA.
 */
export default async function TwoFactorPage({ searchParams }: Props) {
  const user = await requireSignedInUser();
  const t = await getTranslations("twoFactor");
  const row = findTwoFactor(getDb(), user.id);
  const required = twoFactorRequired(user.role, env.TWO_FACTOR_REQUIRED_ROLES);
  const disabled = (await searchParams).disabled === "1";
  return (
    <>
      <h1>{t("title")}</h1>
      {mustEnrol(user) && (
        <p className="notice" role="status" data-testid="two-factor-required">
          {t("requiredNotice")}
        </p>
      )}
      <p className="lead">{t("intro")}</p>
      {disabled && !row && (
        <p className="form-success" role="status">
          {t("disabled")}
        </p>
      )}
      {row?.enabledAt ? <Enabled userId={user.id} since={row.enabledAt} required={required} /> : row ? <Pending user={user} /> : <NotStarted required={required} />}
    </>
  );
}

async function NotStarted({ required }: { required: boolean }) {
  const t = await getTranslations("twoFactor");
  return (
    <>
      <p>
        {t("statusOff")} {!required && t("optionalForRole")}
      </p>
      <StartTwoFactorForm />
    </>
  );
}

async function Pending({ user }: { user: { id: string; email: string } }) {
  const t = await getTranslations("twoFactor");
  const enrolment = pendingEnrolment(getDb(), totpKey(env.NEXTAUTH_SECRET), user);
  if (!enrolment) return null;
  // Drawn on the server from the otpauth:// URI; the secret never goes to a third-party QR service.
  const svg = await QRCode.toString(enrolment.uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return (
    <>
      <h2>{t("scanTitle")}</h2>
      <p>{t("scanHelp")}</p>
      <p>
        <Image unoptimized src={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`} alt={t("qrAlt")} width={200} height={200} data-testid="totp-qr" />
      </p>
      <p>
        {t("secretLabel")}:{" "}
        <code translate="no" data-testid="totp-secret" style={{ userSelect: "all", wordBreak: "break-all" }}>
          {enrolment.secret.match(/.{1,4}/g)!.join(" ")}
        </code>
      </p>
      <h2 id="confirm-title">{t("confirmTitle")}</h2>
      <CodeForm purpose="confirm" labelledBy="confirm-title" />
    </>
  );
}

async function Enabled({ userId, since, required }: { userId: string; since: string; required: boolean }) {
  const t = await getTranslations("twoFactor");
  return (
    <>
      <p data-testid="two-factor-on">{t("statusOn", { time: chinaDateTime(since) })}</p>
      <p>{t("recoveryLeft", { count: unusedRecoveryCodeCount(getDb(), userId) })}</p>
      <h2 id="regenerate-title">{t("regenerateTitle")}</h2>
      <p>{t("regenerateHelp")}</p>
      <CodeForm purpose="regenerate" labelledBy="regenerate-title" />
      <h2 id="disable-title">{t("disableTitle")}</h2>
      {required ? (
        <p>{t("requiredForRole")}</p>
      ) : (
        <>
          <p>{t("disableHelp")}</p>
          <DisableTwoFactorForm />
        </>
      )}
    </>
  );
}
