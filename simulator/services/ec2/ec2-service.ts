import type { QueryService } from "../../core/service";
import { connectionOperations } from "./connections";
import { consumerServiceOperations } from "./consumer-services";
import { ec2Authorization } from "./ec2-authorization";
import { ec2Errors } from "./ec2-errors";
import { endpointOperations } from "./endpoints";
import { endpointServiceOperations } from "./endpoint-services";
import { networkOperations } from "./describe-network";
import { tagOperations } from "./tags";

export const ec2Service: QueryService = {
  protocol: "ec2",
  signingName: "ec2",
  xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
  errors: ec2Errors,
  operations: {
    ...networkOperations,
    ...endpointServiceOperations,
    ...consumerServiceOperations,
    ...endpointOperations,
    ...connectionOperations,
    ...tagOperations,
  },
  authorization: ec2Authorization,
};
