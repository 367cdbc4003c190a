package cn.fasheng.platform.error;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/**
 * Turns errors into problem details with a Chinese detail; validation errors name each field. The
 * framework's own errors get their Chinese text from messages.properties.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /**
     * People reading public pages get the site's HTML error page (rendered by Boot's error handler from
     * templates/error), not JSON.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (isPageRequest(exchange)) {
            return Mono.error(ex);
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "请求参数有误：" + String.join("；", errors.stream().map(e -> e.get("message")).toList()));
        problem.setTitle("请求参数有误");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static boolean isPageRequest(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean api = path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/");
        return !api && exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    /** No route matched: WebFlux raises a bare 404 without a message of its own. */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (status.value() == 404 && ex.getReason() == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "请求的接口或资源不存在");
            problem.setTitle("未找到");
            return handleExceptionInternal(ex, problem, headers, status, exchange);
        }
        return super.handleResponseStatusException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = invalid(errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** Two people saved the same document; the later save would silently undo the earlier one. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    Mono<ResponseEntity<Object>> handleConcurrentChange(OptimisticLockingFailureException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "数据已被他人修改，请刷新后重试");
        problem.setTitle("与现有数据冲突");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** Anything unforeseen: logged in full for the operator, a plain Chinese sentence for the person. */
    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        // Security decides 401/403 itself (its exception translation filter sees these on the way out).
        if (isPageRequest(exchange) || ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            return Mono.error(ex);
        }
        if (ex instanceof reactor.netty.channel.AbortedException) {
            // The client went away mid-request (e.g. an upload cut off by a closed tab): nothing to answer or fix.
            log.info("请求 {} 在完成前被客户端中断", exchange.getRequest().getPath());
            return Mono.empty();
        }
        log.error("处理请求 {} 时出错", exchange.getRequest().getPath(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "服务器处理请求时出错，请稍后重试；如果问题持续，请联系管理员");
        problem.setTitle("服务器内部错误");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求内容无法解析，请检查格式");
        problem.setTitle("请求格式有误");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }
}
