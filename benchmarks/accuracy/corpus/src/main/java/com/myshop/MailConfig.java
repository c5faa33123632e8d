package com.myshop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration
public class MailConfig {
    private static final String SMTP_PASSWORD = "{{password:16}}";  ⟪+password⟫
    private static final String PASSWORD_PROPERTY = "spring.mail.password";  ⟪-name-only⟫
    private final String apiToken = System.getenv("MAIL_API_TOKEN");  ⟪-env-reference⟫

    @Bean
    public JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("smtp.example.com");
        sender.setUsername("noreply@example.com");
        sender.setPassword(SMTP_PASSWORD);
        return sender;
    }

    public static final String TWILIO_AUTH_TOKEN = "{{hex:32}}";  ⟪+provider-token⟫
}
