import "server-only";
import type { UseCase } from "../define";

/**
 * The same use case, with a step after its transaction has committed (removing a file from disk, which
 * must not happen if the row's change rolls back). Runs only on success, for every adapter alike.
 */
export function afterCommit<T>(useCase: UseCase<T>, then: (value: T) => void): UseCase<T> {
  return {
    name: useCase.name,
    admit: useCase.admit,
    async proceed(admitted, raw) {
      const outcome = await useCase.proceed(admitted, raw);
      if (outcome.ok) then(outcome.value);
      return outcome;
    },
    async execute(call, raw) {
      const outcome = await useCase.execute(call, raw);
      if (outcome.ok) then(outcome.value);
      return outcome;
    },
  };
}
