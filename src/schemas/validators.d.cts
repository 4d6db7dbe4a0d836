// Types of the standalone validators that scripts/compile-schemas.js generates.
import type { ValidateFunction } from 'ajv'

declare const validators: {
  /** schemas/config.schema.json */
  validateUserConfig: ValidateFunction
  /** schemas/minutes-model.schema.json */
  validateModelSummary: ValidateFunction
  /** schemas/issue-marker.schema.json */
  validateIssueMarker: ValidateFunction
  /** schemas/dashboard-state.schema.json */
  validateDashboardState: ValidateFunction
}
export = validators
