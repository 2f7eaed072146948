package org.relais.console.routes;

import java.util.List;
import org.relais.console.ActionLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The Routes page and its API: every route's state and figures; coordinators suspend and resume. */
@Controller
class RoutesController {

    private final RouteFigures figures;
    private final RouteControl control;
    private final ActionLog actions;

    RoutesController(RouteFigures figures, RouteControl control, ActionLog actions) {
        this.figures = figures;
        this.control = control;
        this.actions = actions;
    }

    @GetMapping("/routes")
    String routes(Model model) {
        model.addAttribute("routes", figures.routes());
        model.addAttribute("actions", actions.recent("route.", 20));
        return "routes";
    }

    @PostMapping("/routes/{routeId}/suspend")
    String suspend(@PathVariable String routeId) {
        control.suspend(routeId);
        return "redirect:/routes";
    }

    @PostMapping("/routes/{routeId}/resume")
    String resume(@PathVariable String routeId) {
        control.resume(routeId);
        return "redirect:/routes";
    }

    @GetMapping("/api/routes")
    @ResponseBody
    List<RouteFigures.RouteRow> api() {
        return figures.routes();
    }

    @PostMapping("/api/routes/{routeId}/suspend")
    @ResponseBody
    RouteFigures.RouteRow suspendApi(@PathVariable String routeId) {
        control.suspend(routeId);
        return figures.route(routeId).orElseThrow();
    }

    @PostMapping("/api/routes/{routeId}/resume")
    @ResponseBody
    RouteFigures.RouteRow resumeApi(@PathVariable String routeId) {
        control.resume(routeId);
        return figures.route(routeId).orElseThrow();
    }

    @ExceptionHandler(RouteControl.CalledByOtherRoutesException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    @ResponseBody
    String calledByOtherRoutes(RouteControl.CalledByOtherRoutesException e) {
        return e.getMessage();
    }

    @ExceptionHandler(RouteControl.UnknownRouteException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    @ResponseBody
    String unknown(RouteControl.UnknownRouteException e) {
        return e.getMessage();
    }
}
