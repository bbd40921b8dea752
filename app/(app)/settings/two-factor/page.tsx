import Image from "next/image";
import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import type { Enrolment } from "@/lib/auth/two-factor";
import { chinaDateTime } from "@/lib/domain/china-time";
import { twoFactorPage } from "@/lib/use-cases/settings/two-factor-page";
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
  const view = await pageData("/settings/two-factor", twoFactorPage, {});
  const t = await getTranslations("twoFactor");
  const disabled = (await searchParams).disabled === "1";
  return (
    <>
      <h1>{t("title")}</h1>
      {view.mustEnrol && (
        <p className="notice" role="status" data-testid="two-factor-required">
          {t("requiredNotice")}
        </p>
      )}
      <p className="lead">{t("intro")}</p>
      {disabled && view.state === "off" && (
        <p className="form-success" role="status">
          {t("disabled")}
        </p>
      )}
      {view.state === "on" ? (
        <Enabled since={view.since} recoveryLeft={view.recoveryLeft} required={view.required} />
      ) : view.state === "pending" ? (
        <Pending enrolment={view.enrolment} />
      ) : (
        <NotStarted required={view.required} />
      )}
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

async function Pending({ enrolment }: { enrolment: Enrolment }) {
  const t = await getTranslations("twoFactor");
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

async function Enabled({ since, recoveryLeft, required }: { since: string; recoveryLeft: number; required: boolean }) {
  const t = await getTranslations("twoFactor");
  return (
    <>
      <p data-testid="two-factor-on">{t("statusOn", { time: chinaDateTime(since) })}</p>
      <p>{t("recoveryLeft", { count: recoveryLeft })}</p>
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
