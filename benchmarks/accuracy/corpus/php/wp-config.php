<?php
/** The name of the database for WordPress */
define( 'DB_NAME', 'wp_shopblog' );
define( 'DB_USER', 'wp_shopblog' );
define( 'DB_PASSWORD', '{{password:16}}' );  ⟪+password⟫
define( 'DB_HOST', 'mysql.internal' );
define( 'DB_CHARSET', 'utf8mb4' );

define( 'AUTH_KEY',         '{{password:64}}' );  ⟪+generic-secret⟫
define( 'SECURE_AUTH_KEY',  '{{password:64}}' );  ⟪+generic-secret⟫
define( 'LOGGED_IN_KEY',    'put your unique phrase here' );  ⟪-placeholder⟫
define( 'NONCE_KEY',        '{{password:64}}' );  ⟪+generic-secret⟫

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );
$mailgun_api_key = 'key-{{hex:32}}';  ⟪+provider-token⟫
$password_reset_url = home_url('/reset');  ⟪-name-only⟫
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
