import type { AuthorizationRequest } from "./policy-evaluation";
import type { Tags } from "./world";

/**
 * A create call that tags what it creates is also checked for the service's tagging action on the new resource, with
 * the create action in the `<service>:CreateAction` condition key (as EC2 and ELB do). Nothing when it puts no tags.
 */
export function tagOnCreateRequests(
  taggingAction: string,
  createAction: string,
  created: string,
  requestTags: Tags,
): AuthorizationRequest[] {
  if (Object.keys(requestTags).length === 0) return [];
  const [service = "", operation = ""] = createAction.split(":");
  return [
    {
      action: taggingAction,
      resource: created,
      requestTags,
      conditionKeys: { [`${service}:CreateAction`]: operation },
    },
  ];
}
