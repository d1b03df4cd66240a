import type { Service } from "../core/service";
import { apiGatewayService } from "./apigateway/apigateway-service";
import { apiGatewayV2Service } from "./apigatewayv2/apigatewayv2-service";
import { ec2Service } from "./ec2/ec2-service";
import { elbv2Service } from "./elbv2/elbv2-service";
import { serviceQuotasService } from "./servicequotas/servicequotas-service";
import { stsService } from "./sts/sts-service";

/** Every simulated service; requests are routed by their SigV4 signing name (and path prefix for REST). */
export const services: Service[] = [
  stsService,
  ec2Service,
  elbv2Service,
  apiGatewayService,
  apiGatewayV2Service,
  serviceQuotasService,
];
