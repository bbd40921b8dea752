"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { LOCALES, ROLES } from "@/lib/domain/vocabulary";
import { initialFormState } from "@/lib/validation/form-state";
import { CheckboxField, FormMessage, SelectField, TextField } from "@/app/_components/form-fields";
import { createUserAction, updateUserAction } from "../actions";

export interface UserFormValues {
  id?: string;
  version?: number;
  email: string;
  name: string;
  role: string;
  provinceCode: string | null;
  locale: string;
  active: boolean;
}

export function UserForm({ initial, provinces }: { initial: UserFormValues; provinces: { value: string; label: string }[] }) {
  const t = useTranslations();
  const editing = initial.id !== undefined;
  const [state, action, pending] = useActionState(editing ? updateUserAction : createUserAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      {editing && (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      )}
      <TextField name="email" type="email" label={t("users.email")} state={state} required defaultValue={initial.email} autoComplete="off" />
      <TextField name="name" label={t("users.name")} state={state} required defaultValue={initial.name} />
      {!editing && (
        <TextField name="password" type="password" label={t("users.password")} hint={t("users.passwordHint")} state={state} required autoComplete="new-password" />
      )}
      <SelectField
        name="role"
        label={t("users.role")}
        state={state}
        required
        defaultValue={initial.role}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <SelectField
        name="provinceCode"
        label={t("users.province")}
        hint={t("users.provinceHint")}
        state={state}
        defaultValue={initial.provinceCode}
        options={provinces}
        emptyLabel={t("users.noProvince")}
      />
      <SelectField
        name="locale"
        label={t("users.locale")}
        state={state}
        required
        defaultValue={initial.locale}
        options={LOCALES.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
      />
      {editing && <CheckboxField name="active" label={t("users.active")} state={state} defaultChecked={initial.active} />}
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </button>
    </form>
  );
}
