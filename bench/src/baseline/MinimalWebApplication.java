package baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The start-up baseline: a Spring Boot web application (embedded Tomcat, Spring MVC, Jackson) with one controller,
 * started from the hub's classpath. Its auto-configuration is the web list below, not everything on the classpath
 * (Camel, Artemis, JDBC and Flyway would need the hub's parts). Its package is outside org.relais: it scans none of
 * the hub's classes, and the hub, which scans org.relais and the bench classes under it, does not see it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
@RestController
public class MinimalWebApplication {

    @GetMapping("/")
    String hello() {
        return "ok";
    }

    public static void main(String[] args) {
        SpringApplication.run(MinimalWebApplication.class, args);
    }
}
